"""Reads whose SQL Django's compiler builds once per process.

Django compiles a queryset into SQL on every run: for the reads every page or
busy request sends (the site, the page and its versions, the menus; a stance post's
person with their groups) that costs more of the request's CPU than the
query's round trip. ``CompiledRead`` compiles such a read once, with stand-in
values, and then sends the same SQL with each run's values, prepared by the
fields they are compared with; the rows become what Django's own iteration makes
of them (model instances with what they were read with, or ``values_list``
rows), with the converters of the connection in use."""

import datetime
import uuid
from copy import copy
from functools import partial

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import IntegerField


def children_by_path(pages, depth, first, last):
    """``pages`` below a parent at ``depth`` whose children's paths lie between
    ``first`` and ``last`` (``child_paths``): treebeard's own ``get_children``
    condition, by the path's index, with the parent's path in two parameters a
    ``CompiledRead`` can take (``child_of``'s ``LIKE`` takes a pattern instead)."""
    return pages.filter(depth=depth + 1, path__range=(first, last))


def child_paths(page):
    """The first and last paths a child of ``page`` can have."""
    return type(page)._get_children_path_interval(page.path)


def child_path_stand_ins(depth, model):
    """Two different stand-in paths of children below a page at ``depth``."""
    parent = model.alphabet[0] * depth * model.steplen
    return list(model._get_children_path_interval(parent))


class CompiledRead:
    """``build(*values)`` makes a queryset of fixed shape: its SQL is the same
    whatever the values, which it takes as parameters (in whatever order and as
    often as the SQL takes them); any other parameter is fixed. ``fields`` are the
    fields the values are compared with, and ``stand_ins`` one valid value for
    each (an integer, a string, a UUID or a datetime), all different once prepared.

    A read with a None among its values, or an integer its column cannot hold, is
    left to Django: its SQL is not of that shape (``IS NULL``), or there is none."""

    def __init__(self, build, fields, stand_ins):
        self.build = build
        self.fields = fields
        self.stand_ins = stand_ins
        self._compiled = {}  # (queryset, compiler, sql, parameters) by alias

    def _for(self, using):
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compile(using)
            self._compiled[using] = compiled
        return compiled

    def _compile(self, using):
        """Compiled twice, with two sets of stand-ins: the SQL must be the same,
        and the parameters that differ are the values' places (a fixed parameter
        equal to a stand-in stays fixed)."""
        connection = connections[using]
        runs = []
        for stand_ins in (self.stand_ins, [_other(value) for value in self.stand_ins]):
            queryset = self.build(*stand_ins).using(using)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            runs.append(
                (queryset, compiler, sql, params, self._prepared(connection, stand_ins))
            )
        (queryset, compiler, sql, params, first), (_q, _c, sql_b, params_b, second) = (
            runs
        )
        if sql != sql_b or len(params) != len(params_b):
            raise ValueError(f"{sql!r} changes with the values: {sql_b!r}")
        slots = []
        for param, param_b in zip(params, params_b, strict=True):
            if _same(param, param_b):
                slots.append(_Fixed(param))
                continue
            slot = next(
                (
                    index
                    for index, (a, b) in enumerate(zip(first, second, strict=True))
                    if _same(param, a) and _same(param_b, b)
                ),
                None,
            )
            if slot is None:
                raise ValueError(f"{sql!r}: {param!r} is not one of {first!r}")
            slots.append(slot)
        if set(range(len(first))) - {slot for slot in slots if isinstance(slot, int)}:
            raise ValueError(f"{sql!r} takes {params!r}, not each of {first!r}")
        return queryset, compiler, sql, slots

    def _prepared(self, connection, values):
        """The values as the lookups prepare them; None when one is None or an
        integer the column cannot hold."""
        prepared = []
        for field, value in zip(self.fields, values, strict=True):
            value = field.get_prep_value(value)
            if value is None:
                return None
            if isinstance(field, IntegerField):
                low, high = connection.ops.integer_field_range(
                    field.get_internal_type()
                )
                if (low is not None and value < low) or (
                    high is not None and value > high
                ):
                    return None
            prepared.append(field.get_db_prep_value(value, connection, True))
        return prepared

    def queryset(self, *values, using=DEFAULT_DB_ALIAS):
        """The read for these values, as a queryset that sends the SQL built once;
        evaluated, it gives what ``build(*values)`` gives. Filtered further or
        counted, it is ``build(*values)`` compiled as usual."""
        queryset, compiler, sql, slots = self._for(using)
        connection = connections[using]
        prepared = self._prepared(connection, values)
        if prepared is None:
            return self.build(*values).using(using)
        params = tuple(
            prepared[slot] if isinstance(slot, int) else slot.value for slot in slots
        )
        run = copy(compiler)
        run.connection = connection  # this thread's, for the cursor and converters
        run.as_sql = lambda *args, **kwargs: (sql, params)
        found = queryset._chain()
        # This query's compiler is the one built once. Its copies (a queryset
        # chained from this one, a count) are the query built for the values.
        found.query.get_compiler = lambda *args, **kwargs: run
        found.query.clone = partial(_built_query, self.build, values, using)
        return found

    def rows(self, *values, using=DEFAULT_DB_ALIAS):
        """The read's rows (for a ``values_list`` queryset)."""
        return list(self.queryset(*values, using=using))


def _built_query(build, values, using):
    return build(*values).using(using).query


class _Fixed:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def _same(a, b):
    """Equal and of one type: True is not 1."""
    return type(a) is type(b) and a == b


def _other(value):
    """A second stand-in, different from the first."""
    if isinstance(value, bool) or not isinstance(
        value, (int, str, uuid.UUID, datetime.datetime)
    ):
        raise TypeError(f"No second stand-in for {value!r}")
    if isinstance(value, int):
        return value + 1
    if isinstance(value, datetime.datetime):
        return value + datetime.timedelta(seconds=1)
    if isinstance(value, str):
        return value + "-2"
    return uuid.UUID(int=value.int ^ 1)
