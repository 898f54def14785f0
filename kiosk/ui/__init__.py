"""kiosk/ui"""
