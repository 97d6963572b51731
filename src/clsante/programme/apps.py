from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "clsante.programme"
    verbose_name = "Programme et fiches actions"

    def ready(self) -> None:
        from clsante.programme import signals  # noqa: F401
