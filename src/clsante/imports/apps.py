from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "clsante.imports"
    verbose_name = "Imports et exports"

    def ready(self) -> None:
        from clsante.imports import signals  # noqa: F401
