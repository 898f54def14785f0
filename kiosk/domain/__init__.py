"""kiosk/domain"""
