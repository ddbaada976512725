import sys
from multiprocessing import resource_tracker
from multiprocessing.shared_memory import SharedMemory

if __name__ == '__main__':
    if sys.version_info >= (3, 13):
        # track=False：不登记到 resource_tracker，程序结束时不会被自动删除
        shm = SharedMemory(name='demo_block', create=True, size=16, track=False)
    else:
        # 3.13 之前没有 track 参数；常见的变通办法是创建后取消登记
        shm = SharedMemory(name='demo_block', create=True, size=16)
        resource_tracker.unregister(shm._name, 'shared_memory')
    shm.buf[:5] = b'hello'
    shm.close()
    print('写入了 hello，没有 unlink() 就退出')
