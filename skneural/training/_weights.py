"""How sample weights and class weights combine into one training weight."""

__all__ = ["combined_sample_weight"]


def combined_sample_weight(sample_weight, class_weight):
    """The weight of every sample: its own weight times its class's.

    Parameters
    ----------
    sample_weight : ndarray of shape (n_samples,) or None
        The user's validated sample weights, or None (all 1).
    class_weight : ndarray of shape (n_samples,) or (n_samples, n_units) or None
        The weight of each sample's class (one column per output unit when
        units are weighted separately), or None (all 1).

    Returns
    -------
    weight : ndarray or None
        Their product, shaped like ``class_weight`` when it is given; None
        when both are None.
    """
    if class_weight is None:
        return sample_weight
    if sample_weight is None:
        return class_weight
    if class_weight.ndim == 2:
        return sample_weight[:, None] * class_weight
    return sample_weight * class_weight
