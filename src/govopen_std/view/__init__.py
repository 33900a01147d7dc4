"""The one view model every renderer reads (numbering, ordering, display strings computed once)."""
