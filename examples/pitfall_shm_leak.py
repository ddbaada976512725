from multiprocessing import shared_memory

if __name__ == '__main__':
    block = shared_memory.SharedMemory(create=True, size=16)
    block.buf[:5] = b'hello'
    block.close()  # 关闭了自己的连接，却忘了 unlink()
