import os

print('这个程序正在进程号为 %d 的进程里运行' % os.getpid())
