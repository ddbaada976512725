import io


class Recorder(io.RawIOBase):
    """代替终端：记下 Python 每一次交给操作系统写出的内容"""

    def __init__(self):
        self.writes = []

    def writable(self):
        return True

    def write(self, data):
        self.writes.append(bytes(data).decode())
        return len(data)


def make_stdout(raw, buffering):
    """按 Python 创建 sys.stdout 的方式，在 raw 上建一个标准输出"""
    if buffering == '不缓冲':  # 设置了 PYTHONUNBUFFERED=1，或者用 python -u 运行
        return io.TextIOWrapper(raw, encoding='utf-8', write_through=True)
    # 终端：行缓冲；管道和文件：攒满一块（8 KB）才写出
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding='utf-8',
                            line_buffering=(buffering == '行缓冲'))


def print_parts(stdout):
    print('甲', '乙', '丙', file=stdout)


def print_line(stdout):
    print('甲 乙 丙', file=stdout)


def print_parts_flush(stdout):
    print('甲', '乙', '丙', file=stdout, flush=True)


def write_line(stdout):
    stdout.write('甲 乙 丙\n')


def show(buffering, action, code):
    raw = Recorder()
    stdout = make_stdout(raw, buffering)
    action(stdout)
    stdout.flush()
    print(f'{buffering}，{code}：写出 {len(raw.writes)} 次 {raw.writes}')


if __name__ == '__main__':
    show('行缓冲', print_parts, "print('甲', '乙', '丙')")
    show('不缓冲', print_parts, "print('甲', '乙', '丙')")
    show('不缓冲', print_line, "print('甲 乙 丙')")
    show('不缓冲', write_line, r"sys.stdout.write('甲 乙 丙\n')")
    show('块缓冲', print_parts_flush, "print('甲', '乙', '丙', flush=True)")
