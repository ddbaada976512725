import os
import socket
import subprocess
import sys

# 子程序的标准输出接到一个“保留每次写入的边界”的套接字上（Linux 上可用），
# 这样就能看清 print() 向操作系统写了几次、每次写了什么
BUFFERED = {k: v for k, v in os.environ.items() if k != 'PYTHONUNBUFFERED'}
UNBUFFERED = {**BUFFERED, 'PYTHONUNBUFFERED': '1'}


def writes(code, env):
    """在 env 环境下运行 code，返回它对标准输出的每一次写入"""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    with ours, theirs:
        subprocess.run([sys.executable, '-c', code], stdout=theirs, env=env, check=True)
        theirs.close()
        chunks = []
        while chunk := ours.recv(4096):
            chunks.append(chunk.decode())
        return chunks


if __name__ == '__main__':
    print('设置 PYTHONUNBUFFERED 后 print():', writes("print('甲' * 3)", UNBUFFERED))
    print('不设置，用 print(..., flush=True):', writes("print('甲' * 3, flush=True)", BUFFERED))
