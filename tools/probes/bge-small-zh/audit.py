"""Lists the model's errors on leaf_dev for a manual audit: every level-1 error, and a seeded sample of 30 leaf errors
whose level 1 is right. Usage: audit.py LEAF_DEV.jsonl PREDICTIONS.jsonl (from `hotline predict --top-k 3`)."""
import json, random, sys
gold, text = {}, {}
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    gold[r['id']] = r['labels']
    text[r['id']] = (r.get('title') or '') + '｜' + (r.get('content') or '')[:260]
predictions = {p['id']: p for p in map(json.loads, open(sys.argv[2], encoding='utf-8'))}
level1_errors = [i for i, p in predictions.items() if p['suggestions'][0]['path'][0] != gold[i][0]]
leaf_errors = [i for i, p in predictions.items()
               if p['suggestions'][0]['path'][0] == gold[i][0] and p['suggestions'][0]['path'] != gold[i]]
random.seed(5)
for title, ids in (('level-1 errors', level1_errors), ('leaf errors, level 1 right (sample)', random.sample(leaf_errors, 30))):
    print(f'# {title}: {len(ids)}\n')
    for i in ids:
        top = ' ; '.join('/'.join(s['path']) for s in predictions[i]['suggestions'][:3])
        print(f"## {i} GOLD {'/'.join(gold[i])} | PRED {top}\n{text[i]}\n")
