"""GUI tests of the follow-through tracker."""
