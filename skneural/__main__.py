"""``python -m skneural``: our estimators next to scikit-learn's on bundled data."""

from ._demo import main

if __name__ == "__main__":
    main()
