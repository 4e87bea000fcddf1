"""Read-only API of projects and reallocation proposals; writes go through the pages."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission

from lienket.core import roles
from lienket.projects import services
from lienket.projects.models import Project, Reallocation, ReallocationLine


class ProjectReader(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS and roles.can_read_projects(request.user)


class AidReader(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS and roles.can_read_aid(request.user)


class ProjectSerializer(serializers.ModelSerializer):
    class Meta:
        model = Project
        exclude = ["created", "updated"]


class LineSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = ReallocationLine
        exclude = ["id", "reallocation"]


class ReallocationSerializer(serializers.ModelSerializer):
    lines = LineSerializer(many=True, read_only=True)

    class Meta:
        model = Reallocation
        exclude = ["created_by", "decided_by"]


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProjectSerializer
    permission_classes = [ProjectReader]
    lookup_field = "code"

    def get_queryset(self) -> Any:
        qs = services.visible(self.request.user)
        kind = self.request.query_params.get("kind")
        return qs.filter(kind=kind) if kind else qs


class ReallocationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReallocationSerializer
    permission_classes = [AidReader]
    queryset = Reallocation.objects.prefetch_related("lines__project")
