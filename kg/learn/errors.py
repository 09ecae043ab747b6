"""The one error class of kg.learn."""


class TrainingDataError(ValueError):
    """Raised when training or scoring records are malformed; the message names the record and line."""
