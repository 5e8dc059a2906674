"""TensorBoard without TensorFlow: a clear error naming the extra."""

import subprocess
import sys
import textwrap


def test_without_tensorflow_the_error_names_the_keras_extra():
    # A fresh interpreter where importing TensorFlow fails, as in a core-only install.
    script = textwrap.dedent(
        """
        import sys
        sys.modules["tensorflow"] = None
        from skneural import Perceptron
        from skneural.callbacks import TensorBoard
        try:
            Perceptron(callbacks=[TensorBoard("logs")]).fit([[0.0], [1.0]], [0, 1])
        except ImportError as error:
            print(error)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert 'pip install "skneural[keras]"' in result.stdout
    assert "TensorBoard" in result.stdout
