"""Level 1 from frozen BGE embeddings: class-weighted softmax regression, stratified 5-fold CV with near-duplicates
(Jaccard >= 0.8 on character 5-grams) kept in one fold. Usage: l1.py MESSAGES_L1_TRAIN.jsonl train.bin [SCALE]"""
import json, sys, numpy as np, collections
from load import load
ids,X=load(sys.argv[2])
recs={}
for l in open(sys.argv[1], encoding='utf-8'):
    r=json.loads(l); recs[r['id']]=r
y_names=sorted({recs[i]['labels'][0] for i in ids}); Y=np.array([y_names.index(recs[i]['labels'][0]) for i in ids])
K=len(y_names); n=len(ids)
# groups: near-dup by 5-gram jaccard>=0.8 (union-find)
def sh(t,k=5): return {t[i:i+k] for i in range(max(1,len(t)-k+1))}
S=[sh((recs[i].get('title') or '')+(recs[i].get('content') or '')) for i in ids]
idx=collections.defaultdict(list)
for a,s in enumerate(S):
    for x in s: idx[x].append(a)
par=list(range(n))
def f(a):
    while par[a]!=a: par[a]=par[par[a]]; a=par[a]
    return a
for a,s in enumerate(S):
    c=collections.Counter()
    for x in s:
        l=idx[x]
        if len(l)>50: continue
        for b in l:
            if b>a: c[b]+=1
    for b,k in c.items():
        if k/(len(s)+len(S[b])-k)>=0.8: par[f(a)]=f(b)
G=np.array([f(a) for a in range(n)])
rng=np.random.default_rng(1)
# stratified grouped folds: assign groups by class round robin after shuffle
folds=np.zeros(n,int); gl={}
for g in rng.permutation(np.unique(G)): gl[g]=None
cls_groups=collections.defaultdict(list)
for g in gl: cls_groups[Y[np.where(G==g)[0][0]]].append(g)
for c,gs in cls_groups.items():
    for j,g in enumerate(gs): folds[G==g]=j%5
def train_lr(Xt,Yt,lam=1e-4,epochs=300,lr=2.0):
    W=np.zeros((Xt.shape[1],K)); b=np.zeros(K); Yo=np.eye(K)[Yt]
    cw=len(Yt)/(K*np.bincount(Yt,minlength=K)); sw=cw[Yt][:,None]
    for e in range(epochs):
        Z=Xt@W+b; Z-=Z.max(1,keepdims=True); P=np.exp(Z); P/=P.sum(1,keepdims=True)
        Gd=(P-Yo)*sw/len(Yt); W-=lr*(Xt.T@Gd+lam*W); b-=lr*Gd.sum(0)
    return W,b
def macro_f1(y,p):
    f=[]
    for c in range(K):
        tp=((p==c)&(y==c)).sum(); fp=((p==c)&(y!=c)).sum(); fn=((p!=c)&(y==c)).sum()
        f.append(2*tp/max(1,2*tp+fp+fn))
    return np.mean(f)
scale=float(sys.argv[3]) if len(sys.argv)>3 else 10
P=np.zeros((n,K))
for k in range(5):
    tr=folds!=k; te=folds==k
    W,b=train_lr(X[tr]*scale,Y[tr])
    Z=X[te]*scale@W+b; P[te]=Z
pred=P.argmax(1)
print('classes',y_names)
print('frozen BGE + softmax LR, grouped 5-fold: acc %.4f macroF1 %.4f'%((pred==Y).mean(),macro_f1(Y,pred)))
