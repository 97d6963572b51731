from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "clsante.core"
    verbose_name = "Socle"
