from django.apps import AppConfig


class ObservatoireConfig(AppConfig):
    name = "clsante.observatoire"
    verbose_name = "Observatoire et catalogue"

    def ready(self) -> None:
        from clsante.observatoire import signals  # noqa: F401
