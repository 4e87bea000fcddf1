from django.contrib import admin

from lienket.projects import models


class AllocationInline(admin.TabularInline):
    model = models.Allocation
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = models.Milestone
    extra = 0


@admin.register(models.Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "kind", "sector", "status", "verified", "fictional")
    list_filter = ("kind", "sector", "status", "verified", "fictional")
    search_fields = ("code", "name_en", "name_vi", "name_lo", "sponsor")
    inlines = [AllocationInline, MilestoneInline]


@admin.register(models.ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ("currency", "valid_from", "usd_per_unit", "source", "fictional")
    list_filter = ("currency",)


admin.site.register(models.Statement)
admin.site.register(models.TariffCeiling)
