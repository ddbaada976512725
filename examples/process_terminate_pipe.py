import subprocess
import sys
from multiprocessing import Process
from time import sleep

def run_proc():
    """子进程要执行的代码"""
    for i in range(10):
        print('子进程运行中，第%d轮...' % (i + 1))
        sleep(1)

if __name__ == '__main__':
    if sys.argv[1:] == ['--pipe']:
        # 第二次运行（标准输出是管道）：和 process_terminate.py 一样，1.5 秒后终止子进程
        p = Process(target=run_proc)
        p.start()
        sleep(1.5)
        p.terminate()
        p.join()
        print('父进程：子进程已被终止')
    else:
        # 第一次运行：把本程序再运行一次，标准输出接到管道上，
        # 相当于在终端里执行 python process_terminate_pipe.py --pipe | cat
        result = subprocess.run([sys.executable, __file__, '--pipe'],
                                stdout=subprocess.PIPE, text=True)
        print('从管道读到的全部输出：')
        print(result.stdout, end='')
