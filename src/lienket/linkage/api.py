"""REST endpoints for suggestions, matches, pilot rankings and routes."""

from __future__ import annotations

from dataclasses import asdict

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lienket.core import roles, throttle
from lienket.core.api import query_int
from lienket.core.permissions import RegistryReader
from lienket.linkage import services
from lienket.linkage.models import Match, MatchStatus
from lienket.registry.models import Enterprise


@extend_schema(
    parameters=[OpenApiParameter("k", {"type": "integer", "minimum": 1, "maximum": 100},
                                 description="how many suggestions (10 if left out)")],
    responses=OpenApiTypes.OBJECT,
    summary="Partner suggestions for an enterprise",
)  # fmt: skip
class Suggestions(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request: Request, pk: int) -> Response:
        enterprise = get_object_or_404(Enterprise, pk=pk)
        if not roles.can_find_partners(request.user, enterprise):
            raise PermissionDenied
        k = query_int(request, "k", 10, bounds=(1, 100))
        found = services.suggestions(enterprise, k)
        return Response({"enterprise": pk, "suggestions": [asdict(s) for s in found]})


MATCH_LIST = inline_serializer(
    "MatchItem",
    {
        "id": serializers.IntegerField(),
        "supplier": serializers.IntegerField(),
        "buyer": serializers.IntegerField(),
        "status": serializers.ChoiceField(choices=MatchStatus.choices),
        "score": serializers.FloatField(),
        "parts": serializers.DictField(),
        "codes": serializers.ListField(child=serializers.ListField()),
        "supplier_agreed": serializers.CharField(),
        "buyer_agreed": serializers.CharField(),
        "events": inline_serializer(
            "MatchEventItem",
            {
                "status": serializers.ChoiceField(choices=MatchStatus.choices),
                "date": serializers.DateField(allow_null=True),
                "note": serializers.CharField(),
            },
            many=True,
        ),
    },
    many=True,
)
PILOT_LIST = inline_serializer(
    "PilotItem",
    {
        "key": serializers.CharField(),
        "chain": serializers.CharField(),
        "zone": serializers.CharField(allow_null=True),
        "province": serializers.CharField(),
        "country": serializers.CharField(),
        "score": serializers.FloatField(),
        "enterprises": serializers.ListField(child=serializers.IntegerField()),
        "products": serializers.ListField(child=serializers.CharField()),
        "criteria": inline_serializer(
            "PilotCriterion",
            {
                "criterion": serializers.CharField(),
                "value": serializers.FloatField(allow_null=True),
                "weight": serializers.FloatField(),
                "contribution": serializers.FloatField(),
                "evidence": serializers.CharField(),
            },
            many=True,
        ),
    },
    many=True,
)


@extend_schema(responses=MATCH_LIST, summary="Matches visible to the caller (at most 500)")
class Matches(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request: Request) -> Response:
        qs = Match.objects.filter(roles.visible_match_filter(request.user))
        return Response(
            [
                {
                    "id": m.pk,
                    "supplier": m.supplier_id,
                    "buyer": m.buyer_id,
                    "status": m.status,
                    "score": m.score,
                    "parts": m.parts,
                    "codes": m.codes,
                    "supplier_agreed": m.supplier_agreed,
                    "buyer_agreed": m.buyer_agreed,
                    "events": [
                        {"status": e.status, "date": e.date, "note": e.note} for e in m.events.all()
                    ],
                }
                for m in qs.prefetch_related("events")[:500]
            ]
        )


def acted_on(request: Request, pk: int) -> Match:
    """The match a request acts on: one of the caller's, the action counted against the
    enterprise users' rate limit."""
    match = get_object_or_404(Match, pk=pk)
    if not roles.can_see_match(request.user, match):
        raise PermissionDenied
    throttle.check(request.user, "match")
    return match


class StepBody(serializers.Serializer):
    status = serializers.ChoiceField(choices=MatchStatus.choices)
    note = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    date = serializers.DateField(required=False, help_text="YYYY-MM-DD; today if left out")


@extend_schema(
    request=StepBody,
    responses={
        200: inline_serializer(
            "MatchStepResult",
            {
                "id": serializers.IntegerField(),
                "status": serializers.ChoiceField(choices=MatchStatus.choices),
                "supplier_agreed": serializers.CharField(),
                "buyer_agreed": serializers.CharField(),
            },
        ),
        400: OpenApiTypes.OBJECT,
        403: OpenApiTypes.OBJECT,
        404: OpenApiTypes.OBJECT,
        409: OpenApiTypes.OBJECT,
    },
    summary="Record the next step of a match (status, note, date YYYY-MM-DD)",
)
class MatchStep(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request, pk: int) -> Response:
        match = acted_on(request, pk)
        # issue 24 - a JSON body that is not an object was a 500
        body = StepBody(data=request.data)
        body.is_valid(raise_exception=True)
        step = body.validated_data
        when = step.get("date") or timezone.localdate()
        try:
            services.advance(match, step["status"], step["note"], when, request.user)
        except services.ConflictError as exc:
            return Response({"detail": str(exc)}, status=409)
        except services.TransitionError as exc:
            raise ParseError(str(exc)) from None
        return Response(
            {
                "id": match.pk,
                "status": match.status,
                "supplier_agreed": match.supplier_agreed,
                "buyer_agreed": match.buyer_agreed,
            }
        )


class DisclosureBody(serializers.Serializer):
    share = serializers.BooleanField(
        help_text="true: consent to show the other firm your tax id, workforce, figures and "
        "contacts; false: withdraw that consent"
    )


@extend_schema(
    request=DisclosureBody,
    responses=inline_serializer(
        "DisclosureState",
        {
            "id": serializers.IntegerField(),
            "supplier": serializers.BooleanField(),
            "buyer": serializers.BooleanField(),
        },
    ),
    summary="Consent (or withdraw consent) to disclose your firm's private data to the partner",
)
class MatchDisclosure(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request, pk: int) -> Response:
        match = acted_on(request, pk)
        body = DisclosureBody(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            services.set_disclosure(match, request.user, body.validated_data["share"])
        except services.TransitionError as exc:
            raise PermissionDenied(str(exc)) from None
        return Response({"id": match.pk, **services.disclosure(match)})


@extend_schema(responses=PILOT_LIST, summary="Pilot linkage candidates, ranked and explained")
class Pilots(APIView):
    permission_classes = [RegistryReader]

    def get(self, request: Request) -> Response:
        out = []
        for c in services.pilot_candidates()[:100]:
            out.append(
                {
                    "key": c.key,
                    "chain": c.chain,
                    "zone": c.zone.code if c.zone else None,
                    "province": c.province,
                    "country": c.country,
                    "score": c.score,
                    "enterprises": [e.pk for e in c.enterprises],
                    "products": c.products,
                    "criteria": [
                        {
                            "criterion": x.key,
                            "value": x.value,
                            "weight": x.weight,
                            "contribution": x.contribution,
                            "evidence": x.evidence,
                        }
                        for x in c.criteria
                    ],
                }
            )
        return Response(out)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "from",
            str,
            required=True,
            enum=sorted(services.network().places),
            description="a place id, e.g. zone:savan-seno",
        ),
        OpenApiParameter(
            "to",
            str,
            required=True,
            enum=sorted(services.network().places),
            description="a place id, e.g. port:danang",
        ),
        OpenApiParameter(
            "weight",
            str,
            enum=["km", "hours", "usd"],
            description="what the route minimises (usd if left out)",
        ),
    ],
    responses=OpenApiTypes.OBJECT,
    summary="Cheapest route between two places",
)
class Routes(APIView):
    permission_classes = [RegistryReader]

    def get(self, request: Request) -> Response:
        net = services.network()
        origin = request.query_params.get("from", "")
        dest = request.query_params.get("to", "")
        weight = request.query_params.get("weight", "usd")
        if origin not in net.places or dest not in net.places:
            raise ParseError("from and to must be place ids such as zone:savan-seno, port:danang")
        if weight not in ("km", "hours", "usd"):
            raise ParseError("weight must be km, hours or usd")
        route = net.route(origin, dest, weight)
        if route is None:
            return Response({"found": False})
        return Response(
            {
                "found": True,
                "km": route.km,
                "hours": route.hours,
                "usd_per_tonne": route.usd,
                "places": [
                    {"id": p.id, "name": p.name, "kind": p.kind, "country": p.country}
                    for p in route.places
                ],
                "gates": [p.id for p in route.gates],
            }
        )
