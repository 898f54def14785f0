"""The demo world (an in-process sandbox, a kiosk configured against it) and its tickets."""
