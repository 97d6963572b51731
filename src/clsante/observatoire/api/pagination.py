from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "taille"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except Exception as exc:  # NotFound for a page past the end or not a number
            raise ValidationError(
                {"page": "Cette page n'existe pas : la liste compte moins de pages."}
            ) from exc
