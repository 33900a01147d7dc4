"""`python -m govopen_std` runs the command-line interface."""

from govopen_std.cli import main

if __name__ == "__main__":
    main()
