"""Full-batch training through scipy's L-BFGS-B."""

import numpy as np
import scipy.optimize

__all__ = ["minimize_lbfgs"]


def minimize_lbfgs(objective, params, *, max_iter, max_fun, tol, verbose=False,
                   callback=None):
    """Minimise ``objective`` from ``params`` with L-BFGS-B.

    Parameters
    ----------
    objective : callable
        ``objective(params) -> (loss, grad)``, both for a flat vector of the
        dtype of ``params``.
    params : ndarray of shape (n_params,)
        Starting point; left unchanged.
    max_iter, max_fun : int
        Caps on iterations and on evaluations of ``objective``.
    tol : float
        Stop when the largest gradient component falls below it.
    verbose : bool, default=False
        Print scipy's progress report.
    callback : callable, default=None
        Called as ``callback(x)`` with the parameters after every iteration.

    Returns
    -------
    result : scipy.optimize.OptimizeResult
        ``x`` is cast back to the dtype of ``params``; ``loss_curve`` lists
        the loss after every iteration.
    """
    dtype = params.dtype
    loss_curve = []

    def fun(x):
        loss, grad = objective(x.astype(dtype, copy=False))
        return loss, grad.astype(np.float64)

    def record(intermediate_result):
        loss_curve.append(float(intermediate_result.fun))
        if callback is not None:
            callback(intermediate_result.x)

    result = scipy.optimize.minimize(
        fun,
        params.astype(np.float64),
        method="L-BFGS-B",
        jac=True,
        callback=record,
        options={"maxfun": max_fun, "maxiter": max_iter, "gtol": tol},
    )
    if verbose:
        print(f"L-BFGS-B: {result.message} after {result.nit} iterations")
    result.x = result.x.astype(dtype)
    result.loss_curve = loss_curve
    return result
