from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "clsante.imports"
    verbose_name = "Imports et exports"
