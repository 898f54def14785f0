"""kiosk/store"""
