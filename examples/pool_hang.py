import os
import signal
import subprocess
import sys
import tempfile
import time

# 一个没有写 if __name__ == '__main__': 的程序文件
NO_GUARD = '''
import multiprocessing
def square(x):
    return x * x
with multiprocessing.get_context(METHOD).Pool(2) as pool:
    print(pool.map(square, [1, 2, 3]))
'''

# 在交互式解释器里输入的代码（python -c 执行的代码同样没有对应的 .py 文件）
AT_PROMPT = '''
import multiprocessing
def square(x):
    return x * x
with multiprocessing.get_context('spawn').Pool(2) as pool:
    print(pool.map(square, [1, 2, 3]))
'''

SECONDS = 10


def start(args):
    """启动 args，让它和它创建的进程自成一个进程组"""
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            process_group=0)


def outcome(child, deadline):
    """等 child 到 deadline 为止，报告它是结束了还是卡住了"""
    try:
        child.wait(timeout=max(0, deadline - time.monotonic()))
        hung = False
    except subprocess.TimeoutExpired:
        # 结束它和它创建的所有进程（multiprocessing 的资源追踪进程忽略 SIGTERM，会留下来清理）
        os.killpg(child.pid, signal.SIGTERM)
        hung = True
    out, err = child.communicate()
    if not hung:
        last = err.strip().splitlines()[-1] if err.strip() else ''
        return '结束了，退出码 %d，输出 %r，最后一行报错 %r' % (child.returncode, out.strip(), last)
    errors = sorted({line.split(':')[0] for line in err.splitlines()
                     if line.split(':')[0] in ('RuntimeError', 'AttributeError')})
    return '%d 秒后还没有结束，一个结果也没有打印；报错里有 %s' % (SECONDS, errors)


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as folder:
        runs = {}
        for method in ('spawn', 'forkserver'):
            path = os.path.join(folder, 'no_guard_%s.py' % method)
            with open(path, 'w') as f:
                f.write(NO_GUARD.replace('METHOD', repr(method)))
            runs['没有 main 保护，%s：' % method] = start([sys.executable, path])
        runs['提示符下定义的函数，spawn：'] = start([sys.executable, '-c', AT_PROMPT])
        deadline = time.monotonic() + SECONDS  # 三个程序同时运行，一起等 SECONDS 秒
        for label, child in runs.items():
            print(label, outcome(child, deadline))
