"""Writes leaves.jsonl: one line per 3-level leaf of the product's default taxonomy, "l1 l2 l3：description keywords"."""
import csv, json, sys
taxonomy = sys.argv[1] if len(sys.argv) > 1 else '../../../models/src/main/resources/taxonomy/default-taxonomy.csv'
rows = list(csv.reader(line for line in open(taxonomy, encoding='utf-8') if not line.startswith('#')))
header, rows = rows[0], rows[1:]
with open('leaves.jsonl', 'w', encoding='utf-8') as out:
    for row in rows:
        d = dict(zip(header, row))
        if not d['level3'] or d['level4']:
            continue
        text = f"{d['level1']} {d['level2']} {d['level3']}：{d['description']} {d['keywords'].replace('|', ' ').replace(';', ' ')}"
        out.write(json.dumps({'id': '/'.join([d['level1'], d['level2'], d['level3']]), 'text': text}, ensure_ascii=False) + '\n')
