"""The developing-stories corpus (``tests/data/stories``): loading, serving and scoring."""
