"""govopen：基层政务公开标准编译器（a standards compiler for grassroots government-affairs openness）."""

__version__ = "0.1.0"
