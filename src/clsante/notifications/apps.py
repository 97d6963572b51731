from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "clsante.notifications"
    verbose_name = "Notifications"
