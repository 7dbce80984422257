"""Zero-shot leaves: rank the 517 leaf texts by cosine similarity to each leaf_dev message, over all leaves and
within the gold level 1 (an oracle for level 1). Usage: leaf.py LEAF_DEV.jsonl dev.bin leaves.bin"""
import json, sys, numpy as np
from load import load
dids,DV=load(sys.argv[2]); lids,LV=load(sys.argv[3])
gold={}
for l in open(sys.argv[1], encoding='utf-8'):
    r=json.loads(l); gold[r['id']]='/'.join(r['labels'])
S=DV@LV.T
l1=np.array([p.split('/')[0] for p in lids]); l2=np.array(['/'.join(p.split('/')[:2]) for p in lids])
t1=t3=t1c=t3c=l2c=0
for i,d in enumerate(dids):
    g=gold[d]; order=np.argsort(-S[i]); top=[lids[j] for j in order]
    t1+=top[0]==g; t3+=g in top[:3]
    mask=l1==g.split('/')[0]; o2=[lids[j] for j in np.argsort(-np.where(mask,S[i],-9))]
    t1c+=o2[0]==g; t3c+=g in o2[:3]; l2c+= '/'.join(top[0].split('/')[:2])=='/'.join(g.split('/')[:2])
n=len(dids)
print('zero-shot BGE over all 517 leaves: top1 %.3f top3 %.3f level2 %.3f level1 %.3f'%(t1/n,t3/n,l2c/n, np.mean([lids[np.argmax(S[i])].split('/')[0]==gold[d].split('/')[0] for i,d in enumerate(dids)])))
print('within the GOLD level-1 (oracle): top1 %.3f top3 %.3f'%(t1c/n,t3c/n))
