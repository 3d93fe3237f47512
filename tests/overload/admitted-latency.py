"""p50/p99 bucket of /graphql 200 answers between two /metrics snapshots (server time, queueing included)."""
import sys, re
def load(f):
    d={}
    for l in open(f):
        m=re.match(r'http_request_duration_seconds_bucket\{code="200",method="POST".*endpoint="/graphql",le="([^"]+)"\} (\d+)', l)
        if m: d[m.group(1)]=int(m.group(2))
    return d
a,b=load(sys.argv[1]),load(sys.argv[2])
keys=sorted(b, key=lambda k: float('inf') if k=='+Inf' else float(k))
n=b['+Inf']-a.get('+Inf',0)
for p in (0.5,0.99):
    for k in keys:
        if b[k]-a.get(k,0) >= p*n:
            print(f"p{int(p*100)} <= {float(k)*1000:g} ms", end="  "); break
print(f"(200s: {n})")
