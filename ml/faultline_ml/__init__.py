"""Faultline's training and evaluation pipeline for the failure classifier and the line model.

The features are never computed here: the C# featurizer (one implementation shared by the
training export and by serving) writes svmlight matrices under ml/build/features/<source>/,
and this package reads them.
"""

CLASSES = ["compilation", "test", "lint", "dependency", "configuration", "infrastructure", "timeout", "other"]
N_CLASSES = len(CLASSES)
