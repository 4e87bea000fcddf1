"""DRF permission classes, each a thin wrapper over lienket.core.roles."""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from lienket.core import roles


class RegistryReader(BasePermission):
    """Reading needs a registry role; writing is checked per object by the view."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return roles.can_read_registry(request.user)


class EnterpriseAccess(RegistryReader):
    def has_permission(self, request: Any, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        if request.method == "POST":
            return roles.can_create_enterprise(request.user)
        return True

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return request.method in SAFE_METHODS or roles.can_edit_enterprise(request.user, obj)


class ReadOnly(RegistryReader):
    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS and super().has_permission(request, view)


class TradeUploader(BasePermission):
    """Focal points and stewards: those who upload trade files and follow their imports."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return roles.can_upload_trade(request.user)
