// xiangqi: Chinese chess engine benchmark (line-by-line twin of xiangqi.lua)
// Legal move generation for all pieces, perft, negamax alpha-beta with iterative deepening,
// quiescence search, transposition table, killer and history move ordering, MVV-LVA.
// Usage: gscript xiangqi.gs [depth]
//        gscript xiangqi.gs smp [workers [seconds]]   (Lazy SMP with goroutines; GScript only)
//
// Board: a 1-D array of 154 cells (14 rows x 11 columns). Ranks 0..9 are rows 2..11 and files
// a..i are columns 1..9; everything else is an off-board border, wide enough that horse and
// elephant jumps never leave the array. Square s = (rank + 2) * 11 + file + 2; +11 is north
// (towards black). Red moves first from ranks 0..4.
// Pieces: red 1..7, black 9..15 (type + 8); types: 1 general, 2 advisor, 3 elephant, 4 horse,
// 5 chariot, 6 cannon, 7 soldier. 0 = empty, 16 = off board.
// Hash keys: two independent 31-bit keys per (piece, square), combined by addition modulo
// 2^31 - 1 (additive Zobrist), so LuaJIT doubles and 64-bit integers give identical values.

START_FEN := "rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR w"
PIECE_LETTERS := "KABNRCP"
MOD := 2147483647
MATE := 30000
INF := 32000
TT_SIZE := 262144

DIRS := {11, -11, 1, -1}
HORSE_D := {23, 21, -21, -23, 13, 9, -9, -13}
HORSE_LEG := {11, 11, -11, -11, 1, -1, 1, -1}
ADVISOR_D := {12, 10, -10, -12}
ELEPHANT_D := {24, 20, -20, -24}
ELEPHANT_EYE := {12, 10, -10, -12}
VALUE := {0, 200, 200, 400, 900, 450, 100}
VICTIM := {50, 2, 2, 4, 9, 5, 1}
ATTACKER := {6, 2, 2, 3, 5, 4, 1}

seed := 20240601

func nextRand() {
    seed = (seed * 48271) % MOD
    return seed
}

func sqOf(file, rank) {
    return (rank + 2) * 11 + file + 2
}

ONBOARD := {}
FILE := {}
RANK := {}
PALACE := {}
REDHALF := {}
SQUARES := {}

func initBoardTables() {
    for s := 1; s <= 154; s++ {
        col := (s - 1) % 11
        row := math.floor((s - 1) / 11)
        file := col - 1
        rank := row - 2
        if file >= 0 && file <= 8 && rank >= 0 && rank <= 9 {
            ONBOARD[s] = true
            FILE[s] = file
            RANK[s] = rank
            PALACE[s] = file >= 3 && file <= 5 && (rank <= 2 || rank >= 7)
            REDHALF[s] = rank <= 4
        } else {
            ONBOARD[s] = false
            FILE[s] = -1
            RANK[s] = -1
            PALACE[s] = false
            REDHALF[s] = false
        }
    }
    for rank := 0; rank <= 9; rank++ {
        for file := 0; file <= 8; file++ {
            SQUARES[#SQUARES + 1] = sqOf(file, rank)
        }
    }
}

// positional bonus of a piece of type t for red at (file, rank); black uses the mirrored rank
func positional(t, file, rank) {
    cf := math.abs(file - 4)
    if t == 1 {
        return -6 * cf - 4 * rank
    } else if t == 2 {
        if file == 4 {
            return 8
        }
        return 0
    } else if t == 3 {
        if file == 4 && rank == 2 {
            return 10
        }
        return 0
    } else if t == 4 {
        return 20 - 5 * cf - 3 * math.abs(rank - 5)
    } else if t == 5 {
        bonus := 10 - 2 * cf
        if rank == 6 || rank == 7 {
            bonus += 12
        }
        return bonus
    } else if t == 6 {
        bonus := 0
        if file == 4 {
            bonus = 18
        }
        if rank <= 2 {
            bonus += 4
        }
        return bonus
    }
    if rank <= 4 {
        return (rank - 3) * 6
    }
    if rank == 9 {
        return 30
    }
    return 70 + 12 * (rank - 5) - 6 * cf
}

func initTables() {
    PSTS = {}
    Z1 = {}
    Z2 = {}
    MVV = {}
    LVA = {}
    for p := 1; p <= 15; p++ {
        ps := {}
        z1 := {}
        z2 := {}
        t := p
        sign := 1
        if p > 8 {
            t = p - 8
            sign = -1
        }
        for s := 1; s <= 154; s++ {
            ps[s] = 0
            z1[s] = 0
            z2[s] = 0
            if ONBOARD[s] && p != 8 {
                rank := RANK[s]
                if sign < 0 {
                    rank = 9 - rank
                }
                ps[s] = sign * (VALUE[t] + positional(t, FILE[s], rank))
                z1[s] = nextRand()
                z2[s] = nextRand()
            }
        }
        PSTS[p] = ps
        Z1[p] = z1
        Z2[p] = z2
        if p == 8 {
            MVV[p] = 0
            LVA[p] = 0
        } else {
            MVV[p] = VICTIM[t]
            LVA[p] = ATTACKER[t]
        }
    }
    SIDE1 = nextRand()
    SIDE2 = nextRand()
}

func clearTT() {
    TT_LOCK = {}
    TT_DEPTH = {}
    TT_FLAG = {}
    TT_SCORE = {}
    TT_MOVE = {}
    for i := 1; i <= TT_SIZE; i++ {
        TT_LOCK[i] = -1
        TT_DEPTH[i] = -1
        TT_FLAG[i] = 0
        TT_SCORE[i] = 0
        TT_MOVE[i] = 0
    }
}

func newPosition() {
    pos := {
        board: {}, side: 0, kingR: 0, kingB: 0, h1: 0, h2: 0, ev: 0, nodes: 0,
        mFrom: {}, mTo: {}, mScore: {}, killer1: {}, killer2: {}, history: {}, rootBest: 0,
    }
    for i := 1; i <= 128; i++ {
        pos.killer1[i] = 0
        pos.killer2[i] = 0
    }
    for i := 1; i <= 34000; i++ {
        pos.history[i] = 0
    }
    return pos
}

func setFen(pos, fen) {
    b := pos.board
    for s := 1; s <= 154; s++ {
        if ONBOARD[s] {
            b[s] = 0
        } else {
            b[s] = 16
        }
    }
    rank := 9
    file := 0
    i := 1
    n := #fen
    for i <= n {
        ch := string.sub(fen, i, i)
        if ch == " " {
            break
        }
        if ch == "/" {
            rank--
            file = 0
        } else if ch >= "1" && ch <= "9" {
            file += tonumber(ch)
        } else {
            upper := string.upper(ch)
            p := string.find(PIECE_LETTERS, upper, 1, true)
            if upper != ch {
                p += 8
            }
            b[sqOf(file, rank)] = p
            file++
        }
        i++
    }
    pos.side = 0
    if string.sub(fen, i + 1, i + 1) == "b" {
        pos.side = 1
    }
    h1 := 0
    h2 := 0
    ev := 0
    for k := 1; k <= 90; k++ {
        s := SQUARES[k]
        p := b[s]
        if p != 0 {
            h1 = (h1 + Z1[p][s]) % MOD
            h2 = (h2 + Z2[p][s]) % MOD
            ev += PSTS[p][s]
            if p == 1 {
                pos.kingR = s
            } else if p == 9 {
                pos.kingB = s
            }
        }
    }
    if pos.side == 1 {
        h1 = (h1 + SIDE1) % MOD
        h2 = (h2 + SIDE2) % MOD
    }
    pos.h1 = h1
    pos.h2 = h2
    pos.ev = ev
    pos.nodes = 0
}

// Appends the pseudo-legal moves of the side to move at indices n+1.. of the move stack and
// returns the new top index. With capsOnly, only captures are generated.
func genMoves(pos, n, capsOnly) {
    b := pos.board
    mf := pos.mFrom
    mt := pos.mTo
    side := pos.side
    lo := 1
    hi := 7
    elo := 9
    ehi := 15
    fwd := 11
    if side == 1 {
        lo = 9
        hi = 15
        elo = 1
        ehi = 7
        fwd = -11
    }
    for k := 1; k <= 90; k++ {
        s := SQUARES[k]
        p := b[s]
        if p >= lo && p <= hi {
            t := p - lo + 1
            if t == 5 {
                for d := 1; d <= 4; d++ {
                    dd := DIRS[d]
                    q := s + dd
                    c := b[q]
                    for c == 0 {
                        if !capsOnly {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                        q += dd
                        c = b[q]
                    }
                    if c >= elo && c <= ehi {
                        n++
                        mf[n] = s
                        mt[n] = q
                    }
                }
            } else if t == 6 {
                for d := 1; d <= 4; d++ {
                    dd := DIRS[d]
                    q := s + dd
                    c := b[q]
                    for c == 0 {
                        if !capsOnly {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                        q += dd
                        c = b[q]
                    }
                    if c != 16 {
                        q += dd
                        c = b[q]
                        for c == 0 {
                            q += dd
                            c = b[q]
                        }
                        if c >= elo && c <= ehi {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                    }
                }
            } else if t == 4 {
                for d := 1; d <= 8; d++ {
                    if b[s + HORSE_LEG[d]] == 0 {
                        q := s + HORSE_D[d]
                        c := b[q]
                        if c == 0 {
                            if !capsOnly {
                                n++
                                mf[n] = s
                                mt[n] = q
                            }
                        } else if c >= elo && c <= ehi {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                    }
                }
            } else if t == 7 {
                q := s + fwd
                c := b[q]
                if c == 0 {
                    if !capsOnly {
                        n++
                        mf[n] = s
                        mt[n] = q
                    }
                } else if c >= elo && c <= ehi {
                    n++
                    mf[n] = s
                    mt[n] = q
                }
                if REDHALF[s] == (side == 1) {
                    for d := 3; d <= 4; d++ {
                        q = s + DIRS[d]
                        c = b[q]
                        if c == 0 {
                            if !capsOnly {
                                n++
                                mf[n] = s
                                mt[n] = q
                            }
                        } else if c >= elo && c <= ehi {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                    }
                }
            } else if t == 1 {
                for d := 1; d <= 4; d++ {
                    q := s + DIRS[d]
                    if PALACE[q] {
                        c := b[q]
                        if c == 0 {
                            if !capsOnly {
                                n++
                                mf[n] = s
                                mt[n] = q
                            }
                        } else if c >= elo && c <= ehi {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                    }
                }
            } else if t == 2 {
                for d := 1; d <= 4; d++ {
                    q := s + ADVISOR_D[d]
                    if PALACE[q] {
                        c := b[q]
                        if c == 0 {
                            if !capsOnly {
                                n++
                                mf[n] = s
                                mt[n] = q
                            }
                        } else if c >= elo && c <= ehi {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                    }
                }
            } else {
                for d := 1; d <= 4; d++ {
                    q := s + ELEPHANT_D[d]
                    if b[s + ELEPHANT_EYE[d]] == 0 && REDHALF[q] == (side == 0) {
                        c := b[q]
                        if c == 0 {
                            if !capsOnly {
                                n++
                                mf[n] = s
                                mt[n] = q
                            }
                        } else if c >= elo && c <= ehi {
                            n++
                            mf[n] = s
                            mt[n] = q
                        }
                    }
                }
            }
        }
    }
    return n
}

// Is the general of 'side', standing on s, attacked by the other side (including the
// flying-general rule: two generals facing each other on an open file)?
func attacked(pos, s, side) {
    b := pos.board
    eK := 9
    eR := 13
    eC := 14
    eN := 12
    eP := 15
    pawnAhead := 11
    if side == 1 {
        eK = 1
        eR = 5
        eC = 6
        eN = 4
        eP = 7
        pawnAhead = -11
    }
    if b[s + pawnAhead] == eP || b[s - 1] == eP || b[s + 1] == eP {
        return true
    }
    for d := 1; d <= 8; d++ {
        h := s - HORSE_D[d]
        if b[h] == eN && b[h + HORSE_LEG[d]] == 0 {
            return true
        }
    }
    for d := 1; d <= 4; d++ {
        dd := DIRS[d]
        q := s + dd
        c := b[q]
        for c == 0 {
            q += dd
            c = b[q]
        }
        if c == eR || c == eK {
            return true
        }
        if c != 16 {
            q += dd
            c = b[q]
            for c == 0 {
                q += dd
                c = b[q]
            }
            if c == eC {
                return true
            }
        }
    }
    return false
}

func inCheck(pos, side) {
    if side == 0 {
        return attacked(pos, pos.kingR, 0)
    }
    return attacked(pos, pos.kingB, 1)
}

func makeMove(pos, from, to) {
    b := pos.board
    p := b[from]
    c := b[to]
    b[to] = p
    b[from] = 0
    z1 := Z1[p]
    z2 := Z2[p]
    ps := PSTS[p]
    h1 := pos.h1 - z1[from] + z1[to]
    h2 := pos.h2 - z2[from] + z2[to]
    ev := pos.ev - ps[from] + ps[to]
    if c != 0 {
        h1 -= Z1[c][to]
        h2 -= Z2[c][to]
        ev -= PSTS[c][to]
    }
    if pos.side == 0 {
        h1 += SIDE1
        h2 += SIDE2
        pos.side = 1
    } else {
        h1 -= SIDE1
        h2 -= SIDE2
        pos.side = 0
    }
    pos.h1 = h1 % MOD
    pos.h2 = h2 % MOD
    pos.ev = ev
    if p == 1 {
        pos.kingR = to
    } else if p == 9 {
        pos.kingB = to
    }
    return c
}

func unmakeMove(pos, from, to, c, h1, h2, ev) {
    b := pos.board
    p := b[to]
    b[from] = p
    b[to] = c
    pos.h1 = h1
    pos.h2 = h2
    pos.ev = ev
    pos.side = 1 - pos.side
    if p == 1 {
        pos.kingR = from
    } else if p == 9 {
        pos.kingB = from
    }
}

func perft(pos, depth, base) {
    last := genMoves(pos, base, false)
    mf := pos.mFrom
    mt := pos.mTo
    count := 0
    for i := base + 1; i <= last; i++ {
        from := mf[i]
        to := mt[i]
        h1 := pos.h1
        h2 := pos.h2
        ev := pos.ev
        c := makeMove(pos, from, to)
        if !inCheck(pos, 1 - pos.side) {
            if depth <= 1 {
                count++
            } else {
                count += perft(pos, depth - 1, last)
            }
        }
        unmakeMove(pos, from, to, c, h1, h2, ev)
    }
    return count
}

// moves the best-scored move of i..last to position i (selection sort step)
func pickMove(pos, i, last) {
    ms := pos.mScore
    bi := i
    bs := ms[i]
    for j := i + 1; j <= last; j++ {
        if ms[j] > bs {
            bi = j
            bs = ms[j]
        }
    }
    if bi != i {
        mf := pos.mFrom
        mt := pos.mTo
        tf := mf[i]
        mf[i] = mf[bi]
        mf[bi] = tf
        tt := mt[i]
        mt[i] = mt[bi]
        mt[bi] = tt
        ms[bi] = ms[i]
        ms[i] = bs
    }
}

func qsearch(pos, alpha, beta, ply, base) {
    pos.nodes += 1
    stand := pos.ev
    if pos.side == 1 {
        stand = -stand
    }
    if stand >= beta {
        return stand
    }
    if stand > alpha {
        alpha = stand
    }
    last := genMoves(pos, base, true)
    b := pos.board
    mf := pos.mFrom
    mt := pos.mTo
    ms := pos.mScore
    for i := base + 1; i <= last; i++ {
        ms[i] = MVV[b[mt[i]]] * 100 - LVA[b[mf[i]]]
    }
    side := pos.side
    for i := base + 1; i <= last; i++ {
        pickMove(pos, i, last)
        from := mf[i]
        to := mt[i]
        h1 := pos.h1
        h2 := pos.h2
        ev := pos.ev
        c := makeMove(pos, from, to)
        if inCheck(pos, side) {
            unmakeMove(pos, from, to, c, h1, h2, ev)
        } else {
            score := -qsearch(pos, -beta, -alpha, ply + 1, last)
            unmakeMove(pos, from, to, c, h1, h2, ev)
            if score > alpha {
                alpha = score
                if score >= beta {
                    return score
                }
            }
        }
    }
    return alpha
}

func search(pos, depth, alpha, beta, ply, base) {
    if STOP.flag {
        return 0
    }
    if depth <= 0 {
        return qsearch(pos, alpha, beta, ply, base)
    }
    pos.nodes += 1
    idx := pos.h1 % TT_SIZE + 1
    ttMove := 0
    if TT_LOCK[idx] == pos.h2 {
        ttMove = TT_MOVE[idx]
        if ply > 0 && TT_DEPTH[idx] >= depth {
            score := TT_SCORE[idx]
            flag := TT_FLAG[idx]
            if flag == 0 {
                return score
            }
            if flag == 1 && score >= beta {
                return score
            }
            if flag == 2 && score <= alpha {
                return score
            }
        }
    }
    last := genMoves(pos, base, false)
    b := pos.board
    mf := pos.mFrom
    mt := pos.mTo
    ms := pos.mScore
    hist := pos.history
    k1 := pos.killer1[ply + 1]
    k2 := pos.killer2[ply + 1]
    for i := base + 1; i <= last; i++ {
        from := mf[i]
        to := mt[i]
        mv := from * 256 + to
        c := b[to]
        if mv == ttMove {
            ms[i] = 1000000
        } else if c != 0 {
            ms[i] = 100000 + MVV[c] * 100 - LVA[b[from]]
        } else if mv == k1 {
            ms[i] = 90000
        } else if mv == k2 {
            ms[i] = 80000
        } else {
            h := hist[mv]
            if h > 70000 {
                h = 70000
            }
            ms[i] = h
        }
    }
    best := -INF
    bestMove := 0
    legal := 0
    oldAlpha := alpha
    side := pos.side
    for i := base + 1; i <= last; i++ {
        pickMove(pos, i, last)
        from := mf[i]
        to := mt[i]
        h1 := pos.h1
        h2 := pos.h2
        ev := pos.ev
        c := makeMove(pos, from, to)
        if inCheck(pos, side) {
            unmakeMove(pos, from, to, c, h1, h2, ev)
        } else {
            legal++
            score := -search(pos, depth - 1, -beta, -alpha, ply + 1, last)
            unmakeMove(pos, from, to, c, h1, h2, ev)
            if score > best {
                best = score
                bestMove = from * 256 + to
                if score > alpha {
                    alpha = score
                    if score >= beta {
                        if c == 0 {
                            if pos.killer1[ply + 1] != bestMove {
                                pos.killer2[ply + 1] = pos.killer1[ply + 1]
                                pos.killer1[ply + 1] = bestMove
                            }
                            hist[bestMove] += depth * depth
                        }
                        break
                    }
                }
            }
        }
    }
    if legal == 0 {
        return -MATE + ply
    }
    if ply == 0 {
        pos.rootBest = bestMove
    }
    flag := 0
    if best <= oldAlpha {
        flag = 2
    } else if best >= beta {
        flag = 1
    }
    if TT_LOCK[idx] != pos.h2 || depth >= TT_DEPTH[idx] {
        TT_LOCK[idx] = pos.h2
        TT_DEPTH[idx] = depth
        TT_FLAG[idx] = flag
        TT_SCORE[idx] = best
        TT_MOVE[idx] = bestMove
    }
    return best
}

func squareName(s) {
    return string.sub("abcdefghi", FILE[s] + 1, FILE[s] + 1) .. RANK[s]
}

func moveName(mv) {
    if mv == 0 {
        return "none"
    }
    return squareName(math.floor(mv / 256)) .. squareName(mv % 256)
}

// Lazy SMP (GScript only): each worker goroutine searches its own copy of the position with
// iterative deepening (odd workers one ply deeper); all share the transposition table. The main
// goroutine sets STOP.flag after the time budget; searches check it at every node.
func smp(workers, seconds) {
    clearTT()
    wg := sync.WaitGroup()
    positions := {}
    results := {}
    for w := 1; w <= workers; w++ {
        p := newPosition()
        setFen(p, START_FEN)
        positions[w] = p
        results[w] = {depth: 0, score: 0, best: 0}
        wg:add(1)
        go func() {
            defer wg:done()
            for d := 1; d <= 60; d++ {
                depth := d + (w - 1) % 2
                score := search(p, depth, -INF, INF, 0, 0)
                if STOP.flag {
                    break
                }
                r := results[w]
                r.depth = depth
                r.score = score
                r.best = p.rootBest
            }
        }()
    }
    start := time.now().unix
    time.sleep(seconds)
    STOP.flag = true
    wg:wait()
    elapsed := time.now().unix - start
    total := 0
    for w := 1; w <= workers; w++ {
        r := results[w]
        nodes := positions[w].nodes
        total += nodes
        print(string.format("worker %d depth %d score %d best %s nodes %d", w, r.depth, r.score, moveName(r.best), nodes))
    }
    print("smp workers " .. workers .. " total nodes " .. total)
    if elapsed <= 0 {
        elapsed = 0.001
    }
    print(string.format("nps: %d", math.floor(total / elapsed)))
}

initBoardTables()
initTables()
STOP := {flag: false}
if arg[1] == "smp" {
    smp(tonumber(arg[2]) || 2, tonumber(arg[3]) || 2.0)
    os.exit(0)
}
DEPTH := tonumber(arg[1]) || 7
pos := newPosition()
setFen(pos, START_FEN)
for d := 1; d <= 3; d++ {
    print("perft(" .. d .. ") = " .. perft(pos, d, 0))
}
clearTT()
t0 := os.clock()
total := 0
for d := 1; d <= DEPTH; d++ {
    pos.nodes = 0
    score := search(pos, d, -INF, INF, 0, 0)
    total += pos.nodes
    print(string.format("depth %d nodes %d score %d best %s", d, pos.nodes, score, moveName(pos.rootBest)))
}
elapsed := os.clock() - t0
if elapsed <= 0 {
    elapsed = 0.001
}
print("total nodes " .. total)
print(string.format("nps: %d", math.floor(total / elapsed)))
