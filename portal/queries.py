"""Reads whose SQL Django's compiler builds once per process.

Django compiles a queryset into SQL on every run: for a read by one or two values
that a busy request sends (a stance post: the person with their groups, the
recommendation with its consultation) that costs more of the request's CPU than
the query's round trip. ``CompiledRead`` compiles such a read once, with stand-in
values, and then sends the same SQL with each run's values, prepared by the
fields they are compared with, and reads the rows with the converters Django
would apply."""

from django.db import connections
from django.db.models import IntegerField


class CompiledRead:
    """``build(*values)`` makes a ``values_list`` queryset whose SQL parameters are
    exactly these values (in whatever order the SQL takes them); ``fields`` are the
    fields they are compared with, and ``stand_ins`` one valid value for each, all
    different once prepared."""

    def __init__(self, build, fields, stand_ins):
        self.build = build
        self.fields = fields
        self.stand_ins = stand_ins
        self._compiled = {}  # (sql, where each value goes, columns) by database alias

    def _for(self, using):
        compiled = self._compiled.get(using)
        if compiled is None:
            connection = connections[using]
            queryset = self.build(*self.stand_ins)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            stand_ins = self._prepared(connection, self.stand_ins)
            # Where each value goes among the SQL's parameters (Django orders a
            # filter's conditions its own way); every parameter must be one.
            order = [stand_ins.index(param) for param in params if param in stand_ins]
            if len(params) != len(stand_ins) or sorted(order) != list(
                range(len(stand_ins))
            ):
                raise ValueError(f"{sql!r} takes {params!r}, not {stand_ins!r}")
            if compiler.has_extra_select or compiler.col_count != len(compiler.select):
                raise ValueError(f"{sql!r} selects more than its values")
            columns = [expression for expression, _sql, _alias in compiler.select]
            compiled = (sql, order, columns)
            self._compiled[using] = compiled
        return compiled

    def _prepared(self, connection, values):
        """The values as the lookups prepare them; None when one is an integer the
        column cannot hold, for which Django finds nothing without asking the
        database (SQLite would refuse it)."""
        prepared = []
        for field, value in zip(self.fields, values, strict=True):
            value = field.get_prep_value(value)
            if isinstance(field, IntegerField) and value is not None:
                low, high = connection.ops.integer_field_range(
                    field.get_internal_type()
                )
                if (low is not None and value < low) or (
                    high is not None and value > high
                ):
                    return None
            prepared.append(field.get_db_prep_value(value, connection, True))
        return prepared

    def rows(self, *values, using="default"):
        sql, order, columns = self._for(using)
        connection = connections[using]
        prepared = self._prepared(connection, values)
        if prepared is None:
            return []
        with connection.cursor() as cursor:
            cursor.execute(sql, [prepared[index] for index in order])
            rows = cursor.fetchall()
        # This thread's connection's converters, as Django's compiler finds them.
        converters = [
            (position, functions, expression)
            for position, expression in enumerate(columns)
            if (
                functions := connection.ops.get_db_converters(expression)
                + expression.get_db_converters(connection)
            )
        ]
        if not converters:
            return rows
        converted = []
        for row in rows:
            row = list(row)
            for position, functions, expression in converters:
                value = row[position]
                for function in functions:
                    value = function(value, expression, connection)
                row[position] = value
            converted.append(tuple(row))
        return converted
