"""The ``DESCR`` texts of the loaded data sets."""

FONT_COLORS = """\
.. _font_colors_dataset:

Font-colour data set
--------------------

**Data Set Characteristics:**

:Number of Instances: 1,345 (512 labelled 0, 833 labelled 1)
:Number of Attributes: 3 numeric: RED, GREEN, BLUE, each in 0..255
:Target: LIGHT_OR_DARK_FONT_IND, 1 when a light font reads better on the
    background colour, 0 when a dark font does
:Missing Attribute Values: None

The data set of Thomas Nield's neural network built from scratch: 3 inputs
(divide them by 255), one hidden layer of 3 ReLU units and a logistic output
reach about 99 % test accuracy, where random weights score 55-67 %.

Source: https://github.com/thomasnield/machine-learning-demo-data
"""

CALIFORNIA_HOUSING_RAW = """\
.. _california_housing_raw_dataset:

California housing data set, raw
--------------------------------

**Data Set Characteristics:**

:Number of Instances: 20,640 block groups of the 1990 U.S. census
:Number of Attributes: 8 numeric and 1 categorical

    - longitude, latitude
    - housing_median_age
    - total_rooms, total_bedrooms (207 missing), population, households:
      totals over the block group
    - median_income, in tens of thousands of dollars
    - ocean_proximity: '<1H OCEAN', 'INLAND', 'ISLAND', 'NEAR BAY' or
      'NEAR OCEAN'

:Target: median_house_value, in dollars (capped at 500,001)

The version of the data used in Aurélien Géron's *Hands-On Machine
Learning*, before the cleaning that gives scikit-learn's
``fetch_california_housing``: impute ``total_bedrooms``, one-hot encode
``ocean_proximity`` and scale the rest, e.g. with a ``ColumnTransformer``.

Pace, R. Kelley and Ronald Barry, Sparse Spatial Autoregressions,
Statistics and Probability Letters, 33 (1997) 291-297.

Source: https://github.com/ageron/handson-ml2/tree/master/datasets/housing
"""

CALIFORNIA_HOUSING = """\
.. _california_housing_dataset:

California housing data set
---------------------------

**Data Set Characteristics:**

:Number of Instances: 20,640 block groups of the 1990 U.S. census
:Number of Attributes: 8 numeric, derived from the raw CSV as scikit-learn's
    ``fetch_california_housing`` defines them

    - MedInc: median income, in tens of thousands of dollars
    - HouseAge: median house age
    - AveRooms: total_rooms / households
    - AveBedrms: total_bedrooms / households (NaN for the 207 block groups
      whose bedroom count is missing from the CSV: impute it)
    - Population
    - AveOccup: population / households
    - Latitude, Longitude

:Target: median house value, in units of $100,000 (capped at 5.00001)

Read from the same ``housing.csv`` as ``fetch_california_housing_raw``, so
it works offline once that file is in ``data_home``. Three block groups have
an average occupancy above 500: mind outliers.

Pace, R. Kelley and Ronald Barry, Sparse Spatial Autoregressions,
Statistics and Probability Letters, 33 (1997) 291-297.
"""

MNIST = """\
.. _mnist_dataset:

MNIST handwritten digits
------------------------

**Data Set Characteristics:**

:Number of Instances: 60,000 for training and 10,000 for testing
:Number of Attributes: 784 = 28x28 grey pixels, each in 0..255
:Target: the digit, 0..9

Size-normalised, centred handwritten digits written by Census Bureau
employees and students (LeCun, Cortes and Burges). A linear (one-layer
softmax) model reaches about 92 % test accuracy, a single hidden layer of a
few hundred units passes 97 %.

Source: http://yann.lecun.com/exdb/mnist/ (files from the mirror
https://ossci-datasets.s3.amazonaws.com/mnist/)
"""

FASHION_MNIST = """\
.. _fashion_mnist_dataset:

Fashion-MNIST
-------------

**Data Set Characteristics:**

:Number of Instances: 60,000 for training and 10,000 for testing
:Number of Attributes: 784 = 28x28 grey pixels, each in 0..255
:Target: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal,
    6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot

Zalando's article images, a drop-in replacement for MNIST that is harder to
classify: a linear model gets about 83 % (92 % on MNIST), a Keras MLP of
300 and 100 ReLU units about 89 % on the validation set.

Xiao, Rasul and Vollgraf, Fashion-MNIST: a Novel Image Dataset for
Benchmarking Machine Learning Algorithms, arXiv:1708.07747 (2017).

Source: https://github.com/zalandoresearch/fashion-mnist
"""

CIFAR10 = """\
.. _cifar10_dataset:

CIFAR-10
--------

**Data Set Characteristics:**

:Number of Instances: 50,000 for training and 10,000 for testing
:Number of Attributes: 3,072 = 32x32 RGB pixels, each channel in 0..255
:Target: 0 airplane, 1 automobile, 2 bird, 3 cat, 4 deer, 5 dog, 6 frog,
    7 horse, 8 ship, 9 truck

Small colour photographs, 6,000 per class. Far harder than MNIST for a
dense network: a one- or two-layer network reaches only about 37 % test
accuracy, and the weights of a one-layer network are colour blobs.

Krizhevsky, Learning Multiple Layers of Features from Tiny Images, technical
report, University of Toronto (2009).

Source: https://www.cs.toronto.edu/~kriz/cifar.html
"""
