from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "clsante.documents"
    verbose_name = "Documents"
