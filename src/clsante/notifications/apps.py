from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "clsante.notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from clsante.notifications import signals  # noqa: F401
