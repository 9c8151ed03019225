"""Qt model adapters shared by the views: the flat row-table base every list model builds on."""
