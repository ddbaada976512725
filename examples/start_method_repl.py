import subprocess
import sys

# 假设在交互式解释器（>>> 提示符）里依次输入了下面这些代码：
# 函数 hello 定义在 __main__ 模块里，而这个 __main__ 没有对应的 .py 文件
typed_at_prompt = '''
import multiprocessing
def hello():
    print('hello')
multiprocessing.set_start_method('spawn')
p = multiprocessing.Process(target=hello)
p.start()
p.join()
print('子进程的退出码: %d' % p.exitcode)
'''

if __name__ == '__main__':
    # 用 python -c 执行这些代码：和交互式解释器一样，__main__ 没有对应的 .py 文件
    result = subprocess.run([sys.executable, '-c', typed_at_prompt],
                            stderr=subprocess.PIPE, text=True)
    # 子进程的报错很长，这里只打印最后一行；行尾对 __main__ 模块的描述随 Python 版本不同，略去
    print(result.stderr.splitlines()[-1].split(' on <module')[0])
