"""Reads the rows Emb.java writes, L2-normalised."""
import struct, numpy as np
def load(p):
    b=open(p,'rb').read(); o=0
    n=struct.unpack('>i',b[o:o+4])[0]; o+=4
    ids=[]; V=[]
    for _ in range(n):
        l=struct.unpack('>H',b[o:o+2])[0]; o+=2
        ids.append(b[o:o+l].decode('utf-8')); o+=l
        d=struct.unpack('>i',b[o:o+4])[0]; o+=4
        V.append(np.frombuffer(b[o:o+4*d],dtype='>f4').astype(np.float32)); o+=4*d
    V=np.array(V); V/=np.linalg.norm(V,axis=1,keepdims=True)
    return ids,V
