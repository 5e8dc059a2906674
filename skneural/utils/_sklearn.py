"""The one module that reaches into scikit-learn's private helpers.

scikit-learn does not promise these names; keeping every such import here
means a scikit-learn upgrade that moves one breaks a single file.
"""

from sklearn.base import _fit_context
from sklearn.utils._param_validation import Interval, Options, StrOptions
from sklearn.utils._param_validation import HasMethods, validate_params
from sklearn.utils.multiclass import _check_partial_fit_first_call
from sklearn.utils.validation import _check_sample_weight

__all__ = [
    "Interval",
    "Options",
    "StrOptions",
    "_check_partial_fit_first_call",
    "_check_sample_weight",
    "_fit_context",
    "HasMethods",
    "validate_params",
]
