"""REST endpoints of the registry; permissions come from lienket.core.roles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import APIException, ParseError, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lienket import refdata
from lienket.core import roles, throttle
from lienket.core.permissions import EnterpriseAccess, ReadOnly
from lienket.core.vocabulary import SizeClass
from lienket.registry import selectors, services
from lienket.registry import validation as v
from lienket.registry.forms import TAX_ID_LOCKED
from lienket.registry.models import (
    FIGURE_FIELDS,
    NAME_FIELDS,
    PROFILE_FIELDS,
    Enterprise,
    Relationship,
    Zone,
)


def _run(parse: Any, *args: Any) -> Any:
    try:
        return parse(*args)
    except v.FieldError as exc:
        raise serializers.ValidationError(exc.text()) from None


class ZoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = Zone
        fields = [
            "code",
            "country",
            "province_code",
            "kind",
            "name_en",
            "name_vi",
            "name_lo",
            "status",
            "latitude",
            "longitude",
            "coordinate_quality",
            "verified",
            "notes",
        ]


@extend_schema_field({"type": "string", "enum": settings.LIENKET_COUNTRIES})
class CountryField(serializers.CharField):
    """A country of the pair: documented by its ISO 3 code; a name or ISO 2 code the registry
    knows ("Lao PDR", "LA") is resolved to it (see ``validation.parse_country``)."""


class EnterpriseSerializer(serializers.ModelSerializer):
    country = CountryField(max_length=60)
    province_code = serializers.CharField(
        max_length=120,
        help_text="province code, or its name in any language (resolved to the code)",
    )
    zone = serializers.SlugRelatedField(
        slug_field="code", queryset=Zone.objects.all(), required=False, allow_null=True
    )
    products = serializers.ListField(
        child=serializers.CharField(), required=False, source="product_codes"
    )
    inputs = serializers.ListField(
        child=serializers.CharField(), required=False, source="input_codes"
    )
    stages = serializers.ListField(
        child=serializers.ChoiceField(choices=refdata.STAGES), required=False, source="stage_list"
    )

    class Meta:
        model = Enterprise
        fields = [
            "id", "country", *NAME_FIELDS, "tax_id", "province_code", "zone", "sector",
            "stages", "chains", "hs_edition", "products", "inputs", *FIGURE_FIELDS, "currency",
            "size_class", "size_basis", *PROFILE_FIELDS, "fictional", "version", "private_hidden",
        ]  # fmt: skip
        read_only_fields = [
            "chains", "currency", "size_class", "size_basis", "fictional", "version",
        ]  # fmt: skip
        validators: list[Any] = []  # the tax-id rule is check_enterprise's, with its message

    private_hidden = serializers.SerializerMethodField(
        help_text="true when this firm's tax id, workforce, figures and contacts are withheld "
        "(another firm, seen by an enterprise user before both firms consented to disclosure)"
    )

    def _hidden(self, instance: Enterprise) -> bool:
        visible = self.context.get("private_visible", None)
        return visible is not None and instance.pk not in visible

    def get_private_hidden(self, instance: Enterprise) -> bool:
        return self._hidden(instance)

    def to_representation(self, instance: Enterprise) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if self._hidden(instance):
            for name in roles.PRIVATE_FIELDS:
                data[name] = None if name in FIGURE_FIELDS else ""
        return data

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        country = attrs.get("country") or getattr(self.instance, "country", "")
        if self.instance and attrs.get("country", country) != self.instance.country:
            raise serializers.ValidationError(
                {"country": _("The country of a firm cannot change.")}
            )
        country = _run(v.parse_country, country)
        attrs["country"] = country
        if "province_code" in attrs or not self.instance:
            attrs["province_code"] = _run(v.parse_province, country, attrs.get("province_code", ""))
        if "tax_id" in attrs:
            attrs["tax_id"] = _run(v.parse_tax_id, country, attrs["tax_id"])
            user = self.context["request"].user
            locked = self.instance and not roles.can_change_tax_id(user)
            if locked and attrs["tax_id"] != self.instance.tax_id:
                raise serializers.ValidationError({"tax_id": str(TAX_ID_LOCKED)})
        edition = _run(v.parse_edition, attrs.get("hs_edition", "HS2022"))
        for key in ("product_codes", "input_codes"):
            if key in attrs:
                attrs[key] = _run(v.parse_hs_list, edition, " ".join(attrs[key]))
        if "stage_list" in attrs:
            # issue 24 - the pop sat inside the generator: every write with stages failed
            chosen = set(attrs.pop("stage_list"))
            attrs["stages"] = refdata.stage_words(chosen)
        if errors := v.check_enterprise(country, attrs, self.instance):
            raise serializers.ValidationError(errors)
        attrs["currency"] = v.default_currency(country)
        return attrs

    def _save(self, ent: Enterprise, attrs: dict[str, Any]) -> Enterprise:
        fields = {"products" if k == "product_codes" else "inputs" if k == "input_codes" else k
                  for k in attrs}  # fmt: skip
        products = attrs.pop("product_codes", None)
        inputs = attrs.pop("input_codes", None)
        for key, value in attrs.items():
            setattr(ent, key, value)
        user = self.context["request"].user
        if not ent.pk:
            return services.save_enterprise(ent, products or [], inputs or [], by=user)
        # only the fields sent are written, over the stored row read again under a lock; with
        # If-Match the edit is refused when the firm has changed since that version
        return services.save_enterprise(
            ent, products or [], inputs or [], by=user,
            version=self.context.get("if_match"), fields=fields,
        )  # fmt: skip

    def create(self, validated_data: dict[str, Any]) -> Enterprise:
        return self._save(Enterprise(), validated_data)

    def update(self, instance: Enterprise, validated_data: dict[str, Any]) -> Enterprise:
        return self._save(instance, validated_data)


class RelationshipSerializer(serializers.ModelSerializer):
    cross_border = serializers.BooleanField(read_only=True)

    class Meta:
        model = Relationship
        fields = [
            "id",
            "supplier",
            "buyer",
            "hs_code",
            "hs_edition",
            "annual_value_usd",
            "since",
            "notes",
            "fictional",
            "cross_border",
        ]


def if_match(request: Request) -> int | None:
    """The version an API edit starts from: the ``If-Match`` header (an ETag, ``"7"``)."""
    raw = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 9:
        raise serializers.ValidationError({"If-Match": _("give the version as the ETag sent")})
    return int(raw)


class StaleConflict(APIException):
    status_code = 409
    default_code = "stale"

    def __init__(self, exc: services.StaleEditError) -> None:
        super().__init__(
            {
                "detail": _(
                    "The enterprise was changed after the version you edited; nothing was saved."
                ),
                "version": exc.current.version,
                "changes": [
                    {"by": who, "time": when.isoformat(), "field": field,
                     "before": before, "after": after}
                    for who, when, field, before, after in exc.changes
                ],
            }
        )  # fmt: skip


FILTER_PARAMETERS = [
    OpenApiParameter("country", str, enum=settings.LIENKET_COUNTRIES,
                     description="ISO 3166-1 alpha-3, e.g. LAO"),
    OpenApiParameter("province", str, description="province code (GSO code or LA-XX)",
                     enum=sorted({p.code for c in settings.LIENKET_COUNTRIES
                                  for p in refdata.provinces_of(c)})),
    OpenApiParameter("zone", str, description="zone code, e.g. savan-seno",
                     enum=sorted(z.code for z in refdata.zones())),
    OpenApiParameter("chain", str, enum=list(refdata.chains())),
    OpenApiParameter("stage", str, enum=list(refdata.STAGES)),
    OpenApiParameter("size", str, enum=SizeClass.values),
    OpenApiParameter("fictional", str, enum=["yes", "no"]),
    OpenApiParameter("q", str, description="words of a name (or of a tax id the caller may "
                     "see); accents optional"),
]  # fmt: skip


def check_filters(params: Any) -> None:
    """The list's filters, each a known value (issue 24: an unknown one matched nothing, so the
    API accepted what its document refuses); a 400 names the first bad one."""
    allowed = {
        "country": set(settings.LIENKET_COUNTRIES),
        "chain": set(refdata.chains()),
        "stage": set(refdata.STAGES),
        "size": set(SizeClass.values),
        "fictional": {"yes", "no"},
    }
    for name, values in allowed.items():
        if name in params and params[name] not in values:
            raise ParseError({name: f"must be one of {', '.join(sorted(values))}"})
    if "province" in params and not any(
        refdata.province(c, params["province"]) for c in settings.LIENKET_COUNTRIES
    ):
        raise ParseError({"province": "not a province code of either country"})
    if "zone" in params and not Zone.objects.filter(code=params["zone"]).exists():
        raise ParseError({"zone": "not a zone code"})


@extend_schema_view(list=extend_schema(parameters=FILTER_PARAMETERS))
class EnterpriseViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Enterprises; filters as on the list page (country, province, zone, chain, stage, size, q)."""

    serializer_class = EnterpriseSerializer
    permission_classes = [EnterpriseAccess]

    def get_queryset(self) -> Any:
        if self.action == "list":
            check_filters(self.request.query_params)
        if self.action == "list" and self.request.query_params.get("q"):
            throttle.check(self.request.user, "search")
        visible = selectors.private_visible(self.request.user)
        return selectors.filter_enterprises(self.request.query_params, visible).prefetch_related(
            "products"
        )

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["if_match"] = if_match(self.request)
        context["private_visible"] = selectors.private_visible(self.request.user)
        return context

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().retrieve(request, *args, **kwargs)
        response["ETag"] = f'"{response.data["version"]}"'
        return response

    def perform_update(self, serializer: Any) -> None:
        try:
            serializer.save()
        except services.StaleEditError as exc:
            raise StaleConflict(exc) from None

    def perform_create(self, serializer: Any) -> None:
        # the country is checked again once resolved ("Lao PDR", "LA" and "LAO" are one)
        if not roles.can_create_enterprise(self.request.user, serializer.validated_data["country"]):
            raise PermissionDenied
        serializer.save()


class ZoneViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ZoneSerializer
    permission_classes = [ReadOnly]
    queryset = Zone.objects.all()
    lookup_field = "code"


class RelationshipViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RelationshipSerializer
    permission_classes = [ReadOnly]

    def get_queryset(self) -> Any:
        return selectors.filter_relationships(self.request.query_params)


class PublicSummary(APIView):
    """Published aggregates of the registry, open to everyone."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        return Response(selectors.public_summary())
