"""Loads a FollowTheMoney entity stream (one JSON entity per line) with the followthemoney library,
strictly, and prints what it found as JSON.

Usage: check_ftm.py FILE ENTITY_ID

Strict means: every line is {id, schema, properties}; the schema exists and is not abstract; the
id is a valid FtM entity id, used once; every property belongs to the schema and is writable
(`EntityProxy.add(..., quiet=False)`); FtM's cleaning keeps every value as written (nothing
dropped or rewritten); `model.get_proxy(..., cleaned=False)` gives the same properties;
`Schema.validate` passes; required properties are present; every entity reference names an
entity of the file whose schema is in the property's range. Then every entity goes into FtM's
own `Graph`, and the script lists the kgraph ids of ENTITY_ID's neighbours in it: through a
relation entity FtM draws as an edge, or through an `Event` node (its organizer, involved
parties and place).
"""
import collections
import json
import sys

from followthemoney import model
from followthemoney.graph import Graph, Node
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

PREFIX = "kg-entity-"
errors, proxies = [], {}
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    data = json.loads(line)
    where = f"line {n} ({data.get('id')})"
    if set(data) != {"id", "schema", "properties"}:
        errors.append(f"{where}: keys {sorted(data)}")
    schema = model.get(data.get("schema"))
    if schema is None or schema.abstract:
        errors.append(f"{where}: schema {data.get('schema')!r}")
        continue
    if not registry.entity.validate(data["id"]) or data["id"] in proxies:
        errors.append(f"{where}: invalid or repeated id")
    strict = EntityProxy(schema, {"id": data["id"]}, cleaned=False)
    for prop, values in data["properties"].items():
        try:
            strict.add(prop, values, quiet=False)
        except Exception as e:  # noqa: BLE001 - any refusal is a finding
            errors.append(f"{where}: {prop}: {e}")
            continue
        if strict.get(prop) != values:
            errors.append(f"{where}: {prop}: cleaning turned {values!r} into {strict.get(prop)!r}")
    proxy = model.get_proxy(data, cleaned=False)
    if proxy.to_dict()["properties"] != data["properties"]:
        errors.append(f"{where}: get_proxy changed the properties")
    try:
        schema.validate(proxy.to_dict())
    except Exception as e:  # noqa: BLE001
        errors.append(f"{where}: {e} {getattr(e, 'errors', '')}")
    missing = [p for p in schema.required if not proxy.has(p)]
    if missing:
        errors.append(f"{where}: lacks required {missing}")
    proxies[proxy.id] = proxy

for proxy in proxies.values():
    for prop, value in proxy.itervalues():
        if prop.type == registry.entity:
            target = proxies.get(value)
            if target is None or not target.schema.is_a(prop.range):
                got = target.schema.name if target else "no such entity"
                errors.append(f"{proxy.id}: {prop.name} -> {value} ({got}; the range is {prop.range.name})")

graph = Graph()
for proxy in proxies.values():
    graph.add(proxy)


def other_end(edge, node):
    return edge.target if edge.source == node else edge.source


focus = Node.from_proxy(proxies[PREFIX + sys.argv[2]])
found = set()
for edge in graph.get_adjacent(focus):
    other = other_end(edge, focus)
    if edge.proxy is not None:
        found.add(other)
    elif other.is_entity and proxies[other.value].schema.name == "Event":
        found |= {other_end(e, other) for e in graph.get_adjacent(other)}

relations = [p for p in proxies.values() if p.schema.is_a("Interval") and p.has("recordId")]
print(json.dumps({
    "errors": errors[:10],
    "error_count": len(errors),
    "schemata": collections.Counter(p.schema.name for p in proxies.values()),
    "relations": len(relations),
    "dated": sum(1 for p in relations if p.has("date") or p.has("startDate") or p.has("endDate")),
    "with_proof": sum(1 for p in relations if p.has("proof")),
    "quotes": sum(len(p.get("description")) for p in relations),
    "edges": len(graph.edges),
    "neighbours": sorted(n.value[len(PREFIX):] for n in found if n.is_entity and n.value.startswith(PREFIX) and n != focus),
}))
