from django.contrib import admin

from lienket.cooperation import models

for model in (
    models.Organisation,
    models.Member,
    models.WorkPlan,
    models.Activity,
    models.ProgressNote,
    models.Meeting,
    models.Decision,
    models.TrainingProgramme,
    models.Course,
    models.Session,
    models.Trainee,
    models.Nomination,
):
    admin.site.register(model)
