"""The counter screen: verdict band, booking card, manual entry, today's list, status and staff bars."""
