"""The five-whys step: the outline model, its editing delegate and the evidence picker."""
