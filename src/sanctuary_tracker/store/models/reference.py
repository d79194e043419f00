"""Reference tables loaded by ``sanctuary init``: every US jurisdiction and the codebook."""

from django.db import models


class Jurisdiction(models.Model):
    """A US state, county (or equivalent) or local government, from the gazetteer."""

    ocd_id = models.CharField(max_length=200, unique=True)
    geoid = models.CharField(max_length=12, unique=True)
    name = models.CharField(max_length=200)
    legal_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=40)
    level = models.CharField(max_length=8)  # state, county or local
    state = models.CharField(max_length=2, db_index=True)
    county_geoid = models.CharField(max_length=5, null=True, blank=True)
    population = models.BigIntegerField(null=True, blank=True)
    variants = models.TextField(blank=True, default="")  # "|"-separated surface forms
    alias_ids = models.TextField(blank=True, default="")  # other OCD ids, "|"-separated
    alias_geoids = models.TextField(blank=True, default="")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=["state", "county", "local"]),
                name="jurisdiction_level",
            ),
            models.CheckConstraint(
                condition=models.Q(ocd_id__startswith="ocd-division/country:us"),
                name="jurisdiction_ocd_id_us",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.state}" if self.level != "state" else self.name


class Provision(models.Model):
    """A coded policy feature of the codebook (P01 ... P17) and the values it can take."""

    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=200)
    value_type = models.CharField(max_length=16)
    allowed_values = models.TextField()  # JSON list
    basis = models.TextField(blank=True, default="")
    codebook_version = models.CharField(max_length=20)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value_type__in=["bool", "enum", "set", "multi_enum"]),
                name="provision_value_type",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
