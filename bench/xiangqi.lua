-- xiangqi: Chinese chess engine benchmark (line-by-line twin of xiangqi.gs)
-- Legal move generation for all pieces, perft, negamax alpha-beta with iterative deepening,
-- quiescence search, transposition table, killer and history move ordering, MVV-LVA.
-- Usage: lua xiangqi.lua [depth]        (the smp mode exists only in xiangqi.gs)
--
-- Board: a 1-D array of 154 cells (14 rows x 11 columns). Ranks 0..9 are rows 2..11 and files
-- a..i are columns 1..9; everything else is an off-board border, wide enough that horse and
-- elephant jumps never leave the array. Square s = (rank + 2) * 11 + file + 2; +11 is north
-- (towards black). Red moves first from ranks 0..4.
-- Pieces: red 1..7, black 9..15 (type + 8); types: 1 general, 2 advisor, 3 elephant, 4 horse,
-- 5 chariot, 6 cannon, 7 soldier. 0 = empty, 16 = off board.
-- Hash keys: two independent 31-bit keys per (piece, square), combined by addition modulo
-- 2^31 - 1 (additive Zobrist), so LuaJIT doubles and 64-bit integers give identical values.

START_FEN = "rnbakabnr/9/1c5c1/p1p1p1p1p/9/9/P1P1P1P1P/1C5C1/9/RNBAKABNR w"
PIECE_LETTERS = "KABNRCP"
MOD = 2147483647
MATE = 30000
INF = 32000
TT_SIZE = 262144

DIRS = {11, -11, 1, -1}
HORSE_D = {23, 21, -21, -23, 13, 9, -9, -13}
HORSE_LEG = {11, 11, -11, -11, 1, -1, 1, -1}
ADVISOR_D = {12, 10, -10, -12}
ELEPHANT_D = {24, 20, -20, -24}
ELEPHANT_EYE = {12, 10, -10, -12}
VALUE = {0, 200, 200, 400, 900, 450, 100}
VICTIM = {50, 2, 2, 4, 9, 5, 1}
ATTACKER = {6, 2, 2, 3, 5, 4, 1}

seed = 20240601

function nextRand()
    seed = (seed * 48271) % MOD
    return seed
end

function sqOf(file, rank)
    return (rank + 2) * 11 + file + 2
end

ONBOARD = {}
FILE = {}
RANK = {}
PALACE = {}
REDHALF = {}
SQUARES = {}

function initBoardTables()
    for s = 1, 154 do
        local col = (s - 1) % 11
        local row = math.floor((s - 1) / 11)
        local file = col - 1
        local rank = row - 2
        if file >= 0 and file <= 8 and rank >= 0 and rank <= 9 then
            ONBOARD[s] = true
            FILE[s] = file
            RANK[s] = rank
            PALACE[s] = file >= 3 and file <= 5 and (rank <= 2 or rank >= 7)
            REDHALF[s] = rank <= 4
        else
            ONBOARD[s] = false
            FILE[s] = -1
            RANK[s] = -1
            PALACE[s] = false
            REDHALF[s] = false
        end
    end
    for rank = 0, 9 do
        for file = 0, 8 do
            SQUARES[#SQUARES + 1] = sqOf(file, rank)
        end
    end
end

-- positional bonus of a piece of type t for red at (file, rank); black uses the mirrored rank
function positional(t, file, rank)
    local cf = math.abs(file - 4)
    if t == 1 then
        return -6 * cf - 4 * rank
    elseif t == 2 then
        if file == 4 then
            return 8
        end
        return 0
    elseif t == 3 then
        if file == 4 and rank == 2 then
            return 10
        end
        return 0
    elseif t == 4 then
        return 20 - 5 * cf - 3 * math.abs(rank - 5)
    elseif t == 5 then
        local bonus = 10 - 2 * cf
        if rank == 6 or rank == 7 then
            bonus = bonus + 12
        end
        return bonus
    elseif t == 6 then
        local bonus = 0
        if file == 4 then
            bonus = 18
        end
        if rank <= 2 then
            bonus = bonus + 4
        end
        return bonus
    end
    if rank <= 4 then
        return (rank - 3) * 6
    end
    if rank == 9 then
        return 30
    end
    return 70 + 12 * (rank - 5) - 6 * cf
end

function initTables()
    PSTS = {}
    Z1 = {}
    Z2 = {}
    MVV = {}
    LVA = {}
    for p = 1, 15 do
        local ps = {}
        local z1 = {}
        local z2 = {}
        local t = p
        local sign = 1
        if p > 8 then
            t = p - 8
            sign = -1
        end
        for s = 1, 154 do
            ps[s] = 0
            z1[s] = 0
            z2[s] = 0
            if ONBOARD[s] and p ~= 8 then
                local rank = RANK[s]
                if sign < 0 then
                    rank = 9 - rank
                end
                ps[s] = sign * (VALUE[t] + positional(t, FILE[s], rank))
                z1[s] = nextRand()
                z2[s] = nextRand()
            end
        end
        PSTS[p] = ps
        Z1[p] = z1
        Z2[p] = z2
        if p == 8 then
            MVV[p] = 0
            LVA[p] = 0
        else
            MVV[p] = VICTIM[t]
            LVA[p] = ATTACKER[t]
        end
    end
    SIDE1 = nextRand()
    SIDE2 = nextRand()
end

function clearTT()
    TT_LOCK = {}
    TT_DEPTH = {}
    TT_FLAG = {}
    TT_SCORE = {}
    TT_MOVE = {}
    for i = 1, TT_SIZE do
        TT_LOCK[i] = -1
        TT_DEPTH[i] = -1
        TT_FLAG[i] = 0
        TT_SCORE[i] = 0
        TT_MOVE[i] = 0
    end
end

function newPosition()
    local pos = {
        board = {}, side = 0, kingR = 0, kingB = 0, h1 = 0, h2 = 0, ev = 0, nodes = 0,
        mFrom = {}, mTo = {}, mScore = {}, killer1 = {}, killer2 = {}, history = {}, rootBest = 0,
    }
    for i = 1, 128 do
        pos.killer1[i] = 0
        pos.killer2[i] = 0
    end
    for i = 1, 34000 do
        pos.history[i] = 0
    end
    return pos
end

function setFen(pos, fen)
    local b = pos.board
    for s = 1, 154 do
        if ONBOARD[s] then
            b[s] = 0
        else
            b[s] = 16
        end
    end
    local rank = 9
    local file = 0
    local i = 1
    local n = #fen
    while i <= n do
        local ch = string.sub(fen, i, i)
        if ch == " " then
            break
        end
        if ch == "/" then
            rank = rank - 1
            file = 0
        elseif ch >= "1" and ch <= "9" then
            file = file + tonumber(ch)
        else
            local upper = string.upper(ch)
            local p = string.find(PIECE_LETTERS, upper, 1, true)
            if upper ~= ch then
                p = p + 8
            end
            b[sqOf(file, rank)] = p
            file = file + 1
        end
        i = i + 1
    end
    pos.side = 0
    if string.sub(fen, i + 1, i + 1) == "b" then
        pos.side = 1
    end
    local h1 = 0
    local h2 = 0
    local ev = 0
    for k = 1, 90 do
        local s = SQUARES[k]
        local p = b[s]
        if p ~= 0 then
            h1 = (h1 + Z1[p][s]) % MOD
            h2 = (h2 + Z2[p][s]) % MOD
            ev = ev + PSTS[p][s]
            if p == 1 then
                pos.kingR = s
            elseif p == 9 then
                pos.kingB = s
            end
        end
    end
    if pos.side == 1 then
        h1 = (h1 + SIDE1) % MOD
        h2 = (h2 + SIDE2) % MOD
    end
    pos.h1 = h1
    pos.h2 = h2
    pos.ev = ev
    pos.nodes = 0
end

-- Appends the pseudo-legal moves of the side to move at indices n+1.. of the move stack and
-- returns the new top index. With capsOnly, only captures are generated.
function genMoves(pos, n, capsOnly)
    local b = pos.board
    local mf = pos.mFrom
    local mt = pos.mTo
    local side = pos.side
    local lo = 1
    local hi = 7
    local elo = 9
    local ehi = 15
    local fwd = 11
    if side == 1 then
        lo = 9
        hi = 15
        elo = 1
        ehi = 7
        fwd = -11
    end
    for k = 1, 90 do
        local s = SQUARES[k]
        local p = b[s]
        if p >= lo and p <= hi then
            local t = p - lo + 1
            if t == 5 then
                for d = 1, 4 do
                    local dd = DIRS[d]
                    local q = s + dd
                    local c = b[q]
                    while c == 0 do
                        if not capsOnly then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                        q = q + dd
                        c = b[q]
                    end
                    if c >= elo and c <= ehi then
                        n = n + 1
                        mf[n] = s
                        mt[n] = q
                    end
                end
            elseif t == 6 then
                for d = 1, 4 do
                    local dd = DIRS[d]
                    local q = s + dd
                    local c = b[q]
                    while c == 0 do
                        if not capsOnly then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                        q = q + dd
                        c = b[q]
                    end
                    if c ~= 16 then
                        q = q + dd
                        c = b[q]
                        while c == 0 do
                            q = q + dd
                            c = b[q]
                        end
                        if c >= elo and c <= ehi then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                    end
                end
            elseif t == 4 then
                for d = 1, 8 do
                    if b[s + HORSE_LEG[d]] == 0 then
                        local q = s + HORSE_D[d]
                        local c = b[q]
                        if c == 0 then
                            if not capsOnly then
                                n = n + 1
                                mf[n] = s
                                mt[n] = q
                            end
                        elseif c >= elo and c <= ehi then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                    end
                end
            elseif t == 7 then
                local q = s + fwd
                local c = b[q]
                if c == 0 then
                    if not capsOnly then
                        n = n + 1
                        mf[n] = s
                        mt[n] = q
                    end
                elseif c >= elo and c <= ehi then
                    n = n + 1
                    mf[n] = s
                    mt[n] = q
                end
                if REDHALF[s] == (side == 1) then
                    for d = 3, 4 do
                        q = s + DIRS[d]
                        c = b[q]
                        if c == 0 then
                            if not capsOnly then
                                n = n + 1
                                mf[n] = s
                                mt[n] = q
                            end
                        elseif c >= elo and c <= ehi then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                    end
                end
            elseif t == 1 then
                for d = 1, 4 do
                    local q = s + DIRS[d]
                    if PALACE[q] then
                        local c = b[q]
                        if c == 0 then
                            if not capsOnly then
                                n = n + 1
                                mf[n] = s
                                mt[n] = q
                            end
                        elseif c >= elo and c <= ehi then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                    end
                end
            elseif t == 2 then
                for d = 1, 4 do
                    local q = s + ADVISOR_D[d]
                    if PALACE[q] then
                        local c = b[q]
                        if c == 0 then
                            if not capsOnly then
                                n = n + 1
                                mf[n] = s
                                mt[n] = q
                            end
                        elseif c >= elo and c <= ehi then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                    end
                end
            else
                for d = 1, 4 do
                    local q = s + ELEPHANT_D[d]
                    if b[s + ELEPHANT_EYE[d]] == 0 and REDHALF[q] == (side == 0) then
                        local c = b[q]
                        if c == 0 then
                            if not capsOnly then
                                n = n + 1
                                mf[n] = s
                                mt[n] = q
                            end
                        elseif c >= elo and c <= ehi then
                            n = n + 1
                            mf[n] = s
                            mt[n] = q
                        end
                    end
                end
            end
        end
    end
    return n
end

-- Is the general of 'side', standing on s, attacked by the other side (including the
-- flying-general rule: two generals facing each other on an open file)?
function attacked(pos, s, side)
    local b = pos.board
    local eK = 9
    local eR = 13
    local eC = 14
    local eN = 12
    local eP = 15
    local pawnAhead = 11
    if side == 1 then
        eK = 1
        eR = 5
        eC = 6
        eN = 4
        eP = 7
        pawnAhead = -11
    end
    if b[s + pawnAhead] == eP or b[s - 1] == eP or b[s + 1] == eP then
        return true
    end
    for d = 1, 8 do
        local h = s - HORSE_D[d]
        if b[h] == eN and b[h + HORSE_LEG[d]] == 0 then
            return true
        end
    end
    for d = 1, 4 do
        local dd = DIRS[d]
        local q = s + dd
        local c = b[q]
        while c == 0 do
            q = q + dd
            c = b[q]
        end
        if c == eR or c == eK then
            return true
        end
        if c ~= 16 then
            q = q + dd
            c = b[q]
            while c == 0 do
                q = q + dd
                c = b[q]
            end
            if c == eC then
                return true
            end
        end
    end
    return false
end

function inCheck(pos, side)
    if side == 0 then
        return attacked(pos, pos.kingR, 0)
    end
    return attacked(pos, pos.kingB, 1)
end

function makeMove(pos, from, to)
    local b = pos.board
    local p = b[from]
    local c = b[to]
    b[to] = p
    b[from] = 0
    local z1 = Z1[p]
    local z2 = Z2[p]
    local ps = PSTS[p]
    local h1 = pos.h1 - z1[from] + z1[to]
    local h2 = pos.h2 - z2[from] + z2[to]
    local ev = pos.ev - ps[from] + ps[to]
    if c ~= 0 then
        h1 = h1 - Z1[c][to]
        h2 = h2 - Z2[c][to]
        ev = ev - PSTS[c][to]
    end
    if pos.side == 0 then
        h1 = h1 + SIDE1
        h2 = h2 + SIDE2
        pos.side = 1
    else
        h1 = h1 - SIDE1
        h2 = h2 - SIDE2
        pos.side = 0
    end
    pos.h1 = h1 % MOD
    pos.h2 = h2 % MOD
    pos.ev = ev
    if p == 1 then
        pos.kingR = to
    elseif p == 9 then
        pos.kingB = to
    end
    return c
end

function unmakeMove(pos, from, to, c, h1, h2, ev)
    local b = pos.board
    local p = b[to]
    b[from] = p
    b[to] = c
    pos.h1 = h1
    pos.h2 = h2
    pos.ev = ev
    pos.side = 1 - pos.side
    if p == 1 then
        pos.kingR = from
    elseif p == 9 then
        pos.kingB = from
    end
end

function perft(pos, depth, base)
    local last = genMoves(pos, base, false)
    local mf = pos.mFrom
    local mt = pos.mTo
    local count = 0
    for i = base + 1, last do
        local from = mf[i]
        local to = mt[i]
        local h1 = pos.h1
        local h2 = pos.h2
        local ev = pos.ev
        local c = makeMove(pos, from, to)
        if not inCheck(pos, 1 - pos.side) then
            if depth <= 1 then
                count = count + 1
            else
                count = count + perft(pos, depth - 1, last)
            end
        end
        unmakeMove(pos, from, to, c, h1, h2, ev)
    end
    return count
end

-- moves the best-scored move of i..last to position i (selection sort step)
function pickMove(pos, i, last)
    local ms = pos.mScore
    local bi = i
    local bs = ms[i]
    for j = i + 1, last do
        if ms[j] > bs then
            bi = j
            bs = ms[j]
        end
    end
    if bi ~= i then
        local mf = pos.mFrom
        local mt = pos.mTo
        local tf = mf[i]
        mf[i] = mf[bi]
        mf[bi] = tf
        local tt = mt[i]
        mt[i] = mt[bi]
        mt[bi] = tt
        ms[bi] = ms[i]
        ms[i] = bs
    end
end

function qsearch(pos, alpha, beta, ply, base)
    pos.nodes = pos.nodes + 1
    local stand = pos.ev
    if pos.side == 1 then
        stand = -stand
    end
    if stand >= beta then
        return stand
    end
    if stand > alpha then
        alpha = stand
    end
    local last = genMoves(pos, base, true)
    local b = pos.board
    local mf = pos.mFrom
    local mt = pos.mTo
    local ms = pos.mScore
    for i = base + 1, last do
        ms[i] = MVV[b[mt[i]]] * 100 - LVA[b[mf[i]]]
    end
    local side = pos.side
    for i = base + 1, last do
        pickMove(pos, i, last)
        local from = mf[i]
        local to = mt[i]
        local h1 = pos.h1
        local h2 = pos.h2
        local ev = pos.ev
        local c = makeMove(pos, from, to)
        if inCheck(pos, side) then
            unmakeMove(pos, from, to, c, h1, h2, ev)
        else
            local score = -qsearch(pos, -beta, -alpha, ply + 1, last)
            unmakeMove(pos, from, to, c, h1, h2, ev)
            if score > alpha then
                alpha = score
                if score >= beta then
                    return score
                end
            end
        end
    end
    return alpha
end

function search(pos, depth, alpha, beta, ply, base)
    if STOP.flag then
        return 0
    end
    if depth <= 0 then
        return qsearch(pos, alpha, beta, ply, base)
    end
    pos.nodes = pos.nodes + 1
    local idx = pos.h1 % TT_SIZE + 1
    local ttMove = 0
    if TT_LOCK[idx] == pos.h2 then
        ttMove = TT_MOVE[idx]
        if ply > 0 and TT_DEPTH[idx] >= depth then
            local score = TT_SCORE[idx]
            local flag = TT_FLAG[idx]
            if flag == 0 then
                return score
            end
            if flag == 1 and score >= beta then
                return score
            end
            if flag == 2 and score <= alpha then
                return score
            end
        end
    end
    local last = genMoves(pos, base, false)
    local b = pos.board
    local mf = pos.mFrom
    local mt = pos.mTo
    local ms = pos.mScore
    local hist = pos.history
    local k1 = pos.killer1[ply + 1]
    local k2 = pos.killer2[ply + 1]
    for i = base + 1, last do
        local from = mf[i]
        local to = mt[i]
        local mv = from * 256 + to
        local c = b[to]
        if mv == ttMove then
            ms[i] = 1000000
        elseif c ~= 0 then
            ms[i] = 100000 + MVV[c] * 100 - LVA[b[from]]
        elseif mv == k1 then
            ms[i] = 90000
        elseif mv == k2 then
            ms[i] = 80000
        else
            local h = hist[mv]
            if h > 70000 then
                h = 70000
            end
            ms[i] = h
        end
    end
    local best = -INF
    local bestMove = 0
    local legal = 0
    local oldAlpha = alpha
    local side = pos.side
    for i = base + 1, last do
        pickMove(pos, i, last)
        local from = mf[i]
        local to = mt[i]
        local h1 = pos.h1
        local h2 = pos.h2
        local ev = pos.ev
        local c = makeMove(pos, from, to)
        if inCheck(pos, side) then
            unmakeMove(pos, from, to, c, h1, h2, ev)
        else
            legal = legal + 1
            local score = -search(pos, depth - 1, -beta, -alpha, ply + 1, last)
            unmakeMove(pos, from, to, c, h1, h2, ev)
            if score > best then
                best = score
                bestMove = from * 256 + to
                if score > alpha then
                    alpha = score
                    if score >= beta then
                        if c == 0 then
                            if pos.killer1[ply + 1] ~= bestMove then
                                pos.killer2[ply + 1] = pos.killer1[ply + 1]
                                pos.killer1[ply + 1] = bestMove
                            end
                            hist[bestMove] = hist[bestMove] + depth * depth
                        end
                        break
                    end
                end
            end
        end
    end
    if legal == 0 then
        return -MATE + ply
    end
    if ply == 0 then
        pos.rootBest = bestMove
    end
    local flag = 0
    if best <= oldAlpha then
        flag = 2
    elseif best >= beta then
        flag = 1
    end
    if TT_LOCK[idx] ~= pos.h2 or depth >= TT_DEPTH[idx] then
        TT_LOCK[idx] = pos.h2
        TT_DEPTH[idx] = depth
        TT_FLAG[idx] = flag
        TT_SCORE[idx] = best
        TT_MOVE[idx] = bestMove
    end
    return best
end

function squareName(s)
    return string.sub("abcdefghi", FILE[s] + 1, FILE[s] + 1) .. RANK[s]
end

function moveName(mv)
    if mv == 0 then
        return "none"
    end
    return squareName(math.floor(mv / 256)) .. squareName(mv % 256)
end

initBoardTables()
initTables()
STOP = {flag = false}
if arg and arg[1] == "smp" then
    print("smp mode needs gscript (goroutines)")
    os.exit(1)
end
DEPTH = tonumber(arg and arg[1]) or 7
pos = newPosition()
setFen(pos, START_FEN)
for d = 1, 3 do
    print("perft(" .. d .. ") = " .. perft(pos, d, 0))
end
clearTT()
t0 = os.clock()
total = 0
for d = 1, DEPTH do
    pos.nodes = 0
    local score = search(pos, d, -INF, INF, 0, 0)
    total = total + pos.nodes
    print(string.format("depth %d nodes %d score %d best %s", d, pos.nodes, score, moveName(pos.rootBest)))
end
elapsed = os.clock() - t0
if elapsed <= 0 then
    elapsed = 0.001
end
print("total nodes " .. total)
print(string.format("nps: %d", math.floor(total / elapsed)))
